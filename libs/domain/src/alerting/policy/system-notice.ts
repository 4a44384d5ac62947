import { setTimeout as sleep } from 'node:timers/promises';
import { enabledSystemChannels } from '../../db/queries/channel-queries';
import type { DomainContext } from '../../runtime/domain-context';
import { sendThrough } from '../channels/channel-registry';
import { redactSecrets, secretValuesOf } from '../channels/channel-secrets';
import type { AlertMessage, SystemNoticeType } from '../channels/template/alert-message';
import { createInbox } from '../inbox/inbox';

export interface SystemNotice {
  type: SystemNoticeType;
  title: string;
  body: string;
  at: Date;
  /** The same key never stores twice in the inbox (names the degradation it belongs to). */
  key: string;
}

const ATTEMPTS = 3;

/**
 * Tells the dashboard's inbox and every enabled channel marked for system notices. Sent from this
 * process, not through the notify queue: the queue is often the very thing that is down. Each channel
 * gets a few tries; an outcome that stays failed is logged (never with the channel's secrets).
 */
export async function sendSystemNotice(
  ctx: Pick<DomainContext, 'db' | 'events' | 'logger' | 'settings'>,
  notice: SystemNotice,
): Promise<void> {
  const degraded = notice.type === 'monitoring.degraded';
  const message: AlertMessage = {
    type: notice.type,
    severity: degraded ? 'critical' : 'ok',
    title: notice.title,
    body: notice.body,
    fields: [{ label: 'Dashboard', value: ctx.settings.notify.publicUrl }],
    link: ctx.settings.notify.publicUrl,
    incidentId: null,
    monitor: null,
    occurredAt: notice.at,
  };
  const inbox = createInbox(ctx);
  await inbox.store({
    channelId: null,
    incidentId: null,
    monitorId: null,
    severity: message.severity,
    title: message.title,
    body: message.body,
    link: '/',
    idempotencyKey: `system:${notice.key}`,
  });
  // The in-app inbox has the notice already; an in-app channel would only store it a second time.
  const channels = (await enabledSystemChannels(ctx.db)).filter((channel) => channel.kind !== 'in-app');
  await Promise.all(
    channels.map(async (channel) => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await sendThrough(channel.kind, channel.config, message, {
          timeoutMs: ctx.settings.notify.timeoutMs,
          idempotencyKey: `system:${notice.key}:${channel.id}`,
          channelId: channel.id,
          resendBaseUrl: ctx.settings.notify.resendBaseUrl,
          telegramApiBaseUrl: ctx.settings.notify.telegramApiBaseUrl,
          publicUrl: ctx.settings.notify.publicUrl,
          inbox,
        });
        if (outcome.ok) return;
        if (outcome.permanent || attempt >= ATTEMPTS) {
          const error = redactSecrets(outcome.error, secretValuesOf(channel.kind, channel.config));
          ctx.logger.error('system notice not delivered', {
            notice: notice.type,
            channelId: channel.id,
            kind: channel.kind,
            attempts: attempt,
            error,
          });
          return;
        }
        await sleep(Math.min(outcome.retryAfterMs ?? 1_000 * 2 ** (attempt - 1), 10_000));
      }
    }),
  );
}
