import type { DeliveryStatus, ResolveReason } from '@mini-netumo/contracts';
import { notificationsTotal } from '../../core/process-metrics';
import { targetOf } from '../../checks/monitor-kinds';
import { MAX_STORED_ATTEMPTS } from '../../db/alert-delivery-row';
import { markSending, saveAttempt } from '../../db/queries/delivery-queries';
import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import type { ChannelRow, StoredAttempt } from '../../db/schema';
import { enqueueDelivery, notifyQueueOf, type NotifyJobData } from '../../queue/notify-jobs';
import type { DomainContext } from '../../runtime/domain-context';
import { sendThrough } from '../channels/channel-registry';
import { redactSecrets, secretValuesOf } from '../channels/channel-secrets';
import { buildAlertMessage, type AlertFacts } from '../channels/template/alert-message';
import { createInbox } from '../inbox/inbox';
import { DeliveryRetryError } from './delivery-backoff';
import { loadDelivery, type LoadedDelivery } from './load-delivery';
import { publishDeliveries } from './publish-deliveries';

/** The parts of a BullMQ job a delivery needs. */
export interface DeliveryJob {
  data: NotifyJobData;
  /** Tries of this job that failed so far (BullMQ's attemptsMade). */
  attemptsMade: number;
  /** Tries the job has in all (its `attempts` option). */
  attempts: number;
}

/**
 * One try of one alert on one channel. Delivered: recorded, done. Failed with tries left: recorded, then
 * thrown so BullMQ retries it after the backoff (or the provider's Retry-After). Failed for the last time:
 * the channel's fallback gets it, or the alert is dead-lettered. A delivery already finished is left alone,
 * so a job that runs twice never sends twice.
 */
export async function deliverAlert(ctx: DomainContext, job: DeliveryJob): Promise<void> {
  const loaded = await loadDelivery(ctx.db, job.data.deliveryId);
  if (!loaded || loaded.delivery.status === 'delivered' || loaded.delivery.status === 'dead') return;
  const { delivery } = loaded;
  const fallback = job.data.phase === 'fallback';
  const channel = fallback ? loaded.engagedFallback : loaded.channel;
  const record: Progress = { attempts: [...delivery.attempts], attemptCount: delivery.attemptCount };

  if (delivery.sendingSince) {
    // A worker died during a send: the provider may have it. Send once more at most (the idempotency key
    // lets Resend and webhook receivers drop the duplicate); a second interruption dead-letters it.
    const before = record.attempts.some((attempt) => attempt.interrupted);
    push(record, {
      at: delivery.sendingSince.toISOString(),
      channelId: channel?.id ?? delivery.channelId,
      fallback,
      ok: false,
      statusCode: null,
      error: 'the worker stopped during this send',
      durationMs: 0,
      interrupted: true,
    });
    if (before) return finish(ctx, loaded, record, 'dead', 'interrupted twice during a send; not sent again to avoid duplicates');
  }
  if (!channel) return finish(ctx, loaded, record, 'dead', 'the fallback channel was deleted');
  if (!channel.enabled) return finish(ctx, loaded, record, 'dead', `channel "${channel.name}" is disabled`);

  const startedAt = new Date();
  await markSending(ctx.db, delivery.id, startedAt);
  const outcome = await sendThrough(channel.kind, channel.config, buildAlertMessage(alertFacts(loaded, ctx.settings.notify.publicUrl)), {
    timeoutMs: ctx.settings.notify.timeoutMs,
    idempotencyKey: fallback ? `${delivery.idempotencyKey}.fallback` : delivery.idempotencyKey,
    channelId: channel.id,
    resendBaseUrl: ctx.settings.notify.resendBaseUrl,
    telegramApiBaseUrl: ctx.settings.notify.telegramApiBaseUrl,
    publicUrl: ctx.settings.notify.publicUrl,
    inbox: createInbox(ctx),
  });
  const error = outcome.ok ? null : redactSecrets(outcome.error, secretValuesOf(channel.kind, channel.config));
  push(record, {
    at: startedAt.toISOString(),
    channelId: channel.id,
    fallback,
    ok: outcome.ok,
    statusCode: outcome.statusCode,
    error,
    durationMs: outcome.durationMs,
  });

  const lastTry = !outcome.ok && (outcome.permanent || job.attemptsMade + 1 >= job.attempts);
  notificationsTotal.inc({ channel_kind: channel.kind, outcome: outcome.ok ? 'delivered' : lastTry ? 'failed' : 'retrying' });
  if (outcome.ok) return finish(ctx, loaded, record, 'delivered', null, channel);
  if (!lastTry) {
    await saveAttempt(ctx.db, delivery.id, { ...record, status: 'failed', lastError: error });
    await publishDeliveries(ctx, [delivery.id]);
    throw new DeliveryRetryError(error ?? 'send failed', outcome.retryAfterMs);
  }
  const next = fallback ? null : loaded.configuredFallback;
  if (next && next.enabled && next.id !== channel.id) {
    await saveAttempt(ctx.db, delivery.id, { ...record, status: 'failed', lastError: error, fallbackChannelId: next.id });
    await appendIncidentEvent(ctx.db, {
      incidentId: delivery.incidentId,
      type: 'notify_failed',
      channelId: channel.id,
      note: `${describe(channel)} gave up (${error}); trying the fallback ${describe(next)}`,
    });
    await enqueueDelivery(notifyQueueOf(ctx.queues), ctx.settings.notify, { id: delivery.id, generation: delivery.generation }, 'fallback');
    await publishDeliveries(ctx, [delivery.id]);
    return;
  }
  return finish(ctx, loaded, record, 'dead', error);
}

interface Progress {
  attempts: StoredAttempt[];
  attemptCount: number;
}

function push(record: Progress, attempt: StoredAttempt): void {
  record.attempts = [...record.attempts, attempt].slice(-MAX_STORED_ATTEMPTS);
  record.attemptCount += 1;
}

const describe = (channel: ChannelRow) => `${channel.kind} "${channel.name}"`;

/** Delivered or dead: saved, put on the incident's timeline, told to dashboards (and to the log when dead). */
async function finish(
  ctx: DomainContext,
  loaded: LoadedDelivery,
  record: Progress,
  status: Extract<DeliveryStatus, 'delivered' | 'dead'>,
  error: string | null,
  channel?: ChannelRow,
): Promise<void> {
  const { delivery } = loaded;
  const now = new Date();
  await saveAttempt(ctx.db, delivery.id, { ...record, status, lastError: error, ...(status === 'delivered' ? { deliveredAt: now } : {}) });
  const via = channel ?? loaded.engagedFallback ?? loaded.channel;
  await appendIncidentEvent(ctx.db, {
    incidentId: delivery.incidentId,
    type: status === 'delivered' ? 'notified' : 'notify_failed',
    channelId: via.id,
    at: now,
    note:
      status === 'delivered'
        ? `${delivery.type} notice delivered by ${describe(via)}`
        : `${delivery.type} notice to ${describe(loaded.channel)} dead-lettered: ${error}`,
  });
  if (status === 'dead')
    ctx.logger.warn('alert dead-lettered', { deliveryId: delivery.id, channelId: loaded.channel.id, kind: loaded.channel.kind, error });
  await publishDeliveries(ctx, [delivery.id]);
}

/** Everything the message is made from, read from the rows: a retry sends the same words. */
function alertFacts(loaded: LoadedDelivery, publicUrl: string): AlertFacts {
  const { event, incident, monitor } = loaded;
  // A person resolving by hand is always named (actor); the checks resolve with none.
  const resolveReason: ResolveReason | null =
    event.type !== 'resolved' ? null : event.actor ? 'manual' : incident.kind === 'down' ? 'recovered' : 'renewed';
  return {
    type: loaded.delivery.type,
    incident,
    monitor: { id: monitor.id, name: monitor.name, kind: monitor.kind, target: targetOf(monitor), status: monitor.status },
    at: event.at,
    resolveReason,
    actor: event.actor,
    note: event.note,
    countdownDays: event.countdownDays,
    publicUrl,
  };
}
