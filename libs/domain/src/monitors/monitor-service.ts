import { and, eq } from 'drizzle-orm';
import { expiryReminderProblem, isActiveKind, type Monitor, type MonitorConfig, type MonitorPatch } from '@mini-netumo/contracts';
import { channelIdsOfMonitor, linkMonitorChannels } from '../alerting/channels/monitor-channel-links';
import { heartbeatTimesAfterEdit } from '../checks/heartbeat/heartbeat-edit';
import { newPingKey, pingUrlOf } from '../checks/heartbeat/ping-key';
import { listMonitorRows } from '../db/queries/monitor-queries';
import { monitors, type MonitorRow } from '../db/schema';
import type { EventBus } from '../events/event-bus';
import { applySchedule } from '../queue/monitor-schedulers';
import { enqueueExpiryCheckNow, expiryQueuesOf } from '../expiry/expiry-schedules';
import { queueCall } from '../queue/queue-call';
import { SCHEDULE_LANES, type ScheduledMonitor } from '../scheduling/schedule-lanes';
import type { DomainContext } from '../runtime/domain-context';
import { NotFoundError, ValidationError } from '../core/errors';
import { overdueAfter } from '../monitor-model/overdue-rules';
import { checkDueOnSave } from '../monitor-model/check-slots';
import { kindSettingsOfConfig, rowChangesOf, rowValuesOf } from './monitor-config-parts';
import { refuseBlockedEdit, refuseBlockedTargets } from './refuse-blocked-targets';
import { toMonitor } from '../monitor-model/monitor-row';
import { requireMonitor } from '../monitor-model/require-monitor';

export async function listMonitors(ctx: DomainContext): Promise<Monitor[]> {
  return (await listMonitorRows(ctx.db)).map((row) => toMonitor(row));
}

export async function getMonitor(ctx: DomainContext, id: string): Promise<Monitor> {
  const row = await requireMonitor(ctx.db, id);
  return withOwnerDetails(ctx, row, await channelIdsOfMonitor(ctx.db, id));
}

/**
 * What only the monitor's own page needs beside its list entry: its channels, and a heartbeat's ping key and
 * URL (a secret: never in lists, live events or logs).
 */
function withOwnerDetails(ctx: Pick<DomainContext, 'settings'>, row: MonitorRow, channelIds: string[]): Monitor {
  const monitor = { ...toMonitor(row), channelIds };
  if (monitor.kind !== 'heartbeat' || row.pingKey === null) return monitor;
  return { ...monitor, pingKey: row.pingKey, pingUrl: pingUrlOf(ctx.settings.publicListener.url, row.pingKey) };
}

/**
 * Commits the row first, then schedules the certificate and domain lanes (their first jobs must find the
 * monitor); its checks are scheduled by the row itself, due at once. If the queue refuses, the row is removed
 * again so the user sees an error and nothing half-made stays.
 */
export async function createMonitor(ctx: DomainContext, input: MonitorConfig): Promise<Monitor> {
  const { channelIds, ...config } = input;
  await refuseBlockedTargets(ctx, kindSettingsOfConfig(config));
  const values = rowValuesOf(config);
  const now = new Date();
  const [row] = await ctx.db
    .insert(monitors)
    .values({
      ...values,
      status: input.paused ? 'paused' : 'pending',
      nextCheckAt: checkDueOnSave({ kind: input.kind, paused: input.paused }, now),
      // A heartbeat is never overdue: it waits for its first ping, then for its deadlines.
      overdueAt: input.paused || !isActiveKind(input.kind) ? null : overdueAfter(now, values.intervalSeconds),
    })
    .returning();
  if (!row) throw new Error('insert returned no monitor');
  let linkedChannelIds: string[];
  try {
    linkedChannelIds = await linkMonitorChannels(ctx.db, row.id, channelIds);
    await queueCall(scheduleAll(ctx, row, true));
  } catch (error) {
    await ctx.db.delete(monitors).where(eq(monitors.id, row.id));
    throw error;
  }
  await announce(ctx, toMonitor(row));
  return withOwnerDetails(ctx, row, linkedChannelIds);
}

/**
 * Row and schedules change together: if the queue refuses, the transaction rolls the row back. An active monitor
 * edited or resumed is checked at once (then on its beat again); a paused one leaves the schedule.
 */
export async function updateMonitor(ctx: DomainContext, id: string, patch: MonitorPatch): Promise<Monitor> {
  await refuseBlockedEdit(ctx, id, patch);
  const monitor = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(monitors).where(eq(monitors.id, id)).for('update');
    if (!current) throw new NotFoundError('monitor', id);
    const pausing = patch.paused !== undefined && patch.paused !== current.paused;
    const { channelIds, ...fields } = patch;
    // A partial edit is checked against what it leaves in place: lowering tlsAlertDays alone can break the rule.
    const problem = expiryReminderProblem({
      tlsAlertDays: fields.tlsAlertDays ?? current.tlsAlertDays,
      domainAlertDays: fields.domainAlertDays ?? current.domainAlertDays,
      expiryReminderDays: fields.expiryReminderDays ?? current.expiryReminderDays,
    });
    if (problem) throw ValidationError.at(['patch', 'expiryReminderDays'], problem);
    const { values, target } = rowChangesOf(current, fields);
    const active = isActiveKind(current.kind);
    const [row] = await tx
      .update(monitors)
      .set({
        ...values,
        ...(pausing ? { status: patch.paused ? 'paused' : 'pending', consecutiveFailures: 0 } : {}),
        nextCheckAt: checkDueOnSave({ kind: current.kind, paused: patch.paused ?? current.paused }, new Date()),
        // A paused monitor is never overdue; an edited one gets a check now and a fresh deadline.
        ...(pausing && patch.paused ? { overdueAt: null, staleSince: null, staleReason: null } : {}),
        ...((patch.paused ?? current.paused) || !active
          ? {}
          : { overdueAt: overdueAfter(new Date(), fields.intervalSeconds ?? current.intervalSeconds) }),
        ...(active ? {} : heartbeatTimesAfterEdit(current, { ...current, ...values, paused: patch.paused ?? current.paused })),
        updatedAt: new Date(),
      })
      .where(eq(monitors.id, id))
      .returning();
    if (!row) throw new NotFoundError('monitor', id);
    // A new address, new thresholds or a resumed monitor deserve a fresh look at its certificate and domain.
    await queueCall(scheduleAll(ctx, row, target !== null || patch.paused === false || changesExpiryAlerts(current, row)));
    const linked =
      channelIds === undefined ? await channelIdsOfMonitor(tx, id) : await linkMonitorChannels(tx, id, channelIds, ['patch', 'channelIds']);
    return { row, linked };
  });
  await announce(ctx, toMonitor(monitor.row));
  return withOwnerDetails(ctx, monitor.row, monitor.linked);
}

/**
 * A new ping key for a heartbeat (the old URL was shared too widely): the old key stops working at once, and the
 * answer carries the new key and URL.
 */
export async function rotatePingKey(ctx: DomainContext, id: string): Promise<Monitor> {
  const [row] = await ctx.db
    .update(monitors)
    .set({ pingKey: newPingKey(), updatedAt: new Date() })
    .where(and(eq(monitors.id, id), eq(monitors.kind, 'heartbeat')))
    .returning();
  if (!row) throw new NotFoundError('heartbeat', id);
  return withOwnerDetails(ctx, row, await channelIdsOfMonitor(ctx.db, id));
}

export const pauseMonitor = (ctx: DomainContext, id: string) => updateMonitor(ctx, id, { paused: true });
export const resumeMonitor = (ctx: DomainContext, id: string) => updateMonitor(ctx, id, { paused: false });

export async function deleteMonitor(ctx: DomainContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(monitors).where(eq(monitors.id, id)).returning({ id: monitors.id });
    if (!row) throw new NotFoundError('monitor', id);
    await queueCall(removeAllSchedules(ctx, id));
  });
  await publishQuietly(ctx, { type: 'monitor.deleted', monitorId: id });
  return { id };
}

/**
 * A check now: the monitor is due at once, and a worker claims it within a moment; after it, the monitor is back
 * on its beat. Paused monitors are not checked.
 */
export async function checkMonitorNow(ctx: DomainContext, id: string): Promise<{ queued: true }> {
  const monitor = await getMonitor(ctx, id);
  if (monitor.paused) throw new NotFoundError('active monitor', id);
  if (!isActiveKind(monitor.kind)) throw ValidationError.at(['id'], 'a heartbeat is checked by its pings: there is nothing to check now');
  const [due] = await ctx.db
    .update(monitors)
    .set({ nextCheckAt: new Date() })
    .where(and(eq(monitors.id, id), eq(monitors.paused, false)))
    .returning({ id: monitors.id });
  if (!due) throw new NotFoundError('active monitor', id);
  return { queued: true };
}

/**
 * The monitor's queue schedules from its row, lane by lane as the rebuild sets them (SCHEDULE_LANES), and a
 * look at its certificate and domain now when asked (their daily slot may be a day away).
 */
async function scheduleAll(ctx: Pick<DomainContext, 'queues'>, row: ScheduledMonitor, checkExpiry: boolean): Promise<void> {
  for (const lane of SCHEDULE_LANES) await applySchedule(ctx.queues.queue(lane.queue), row.id, lane.everySeconds(row));
  if (checkExpiry) await enqueueExpiryCheckNow(expiryQueuesOf(ctx.queues), row, false);
}

async function removeAllSchedules(ctx: Pick<DomainContext, 'queues'>, id: string): Promise<void> {
  for (const lane of SCHEDULE_LANES) await applySchedule(ctx.queues.queue(lane.queue), id, null);
}

type ExpiryAlertColumns = Pick<MonitorRow, 'tlsAlertDays' | 'domainAlertDays' | 'expiryReminderDays'>;
const changesExpiryAlerts = (before: ExpiryAlertColumns, after: ExpiryAlertColumns) =>
  before.tlsAlertDays !== after.tlsAlertDays ||
  before.domainAlertDays !== after.domainAlertDays ||
  before.expiryReminderDays.join() !== after.expiryReminderDays.join();

const announce = (ctx: Pick<DomainContext, 'events' | 'logger'>, monitor: Monitor) =>
  publishQuietly(ctx, { type: 'monitor.status', monitor });

async function publishQuietly(ctx: Pick<DomainContext, 'events' | 'logger'>, event: Parameters<EventBus['publish']>[0]): Promise<void> {
  try {
    await ctx.events.publish(event);
  } catch (error) {
    ctx.logger.warn('could not publish live event', { type: event.type, error });
  }
}
