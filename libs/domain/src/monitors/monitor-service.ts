import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { expiryReminderProblem, type Monitor, type MonitorConfig, type MonitorPatch } from '@mini-netumo/contracts';
import { channelIdsOfMonitor, linkMonitorChannels } from '../channels/monitor-channel-links';
import type { Db } from '../db/client';
import { toMonitor } from '../db/monitor-row';
import { findMonitor, listMonitorRows } from '../db/queries/monitor-queries';
import { monitors, type MonitorRow } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { applySchedule, enqueueCheckNow } from '../queue/check-schedules';
import { enqueueExpiryCheckNow, type ExpiryQueues } from '../queue/expiry-schedules';
import { QUEUE_NAMES, type QueueName } from '../queue/queue-names';
import { SCHEDULE_LANES, type ScheduleLane, type ScheduledMonitor } from '../queue/schedule-lanes';
import { queueCall } from '../queue/queue-call';
import { overdueAfter } from '../watchdog/overdue-rules';

export interface MonitorDeps {
  db: Db;
  checkQueue: Queue;
  events: EventBus;
  logger: Logger;
  /** The certificate and domain lanes' queues; their daily schedules follow the monitor's like check-http's. */
  expiryQueues?: ExpiryQueues;
}

export async function listMonitors(deps: MonitorDeps): Promise<Monitor[]> {
  return (await listMonitorRows(deps.db)).map((row) => toMonitor(row));
}

export async function getMonitor(deps: MonitorDeps, id: string): Promise<Monitor> {
  const row = await findMonitor(deps.db, id);
  if (!row) throw new NotFoundError('monitor', id);
  return { ...toMonitor(row), channelIds: await channelIdsOfMonitor(deps.db, id) };
}

/**
 * Commits the row first, then schedules: the scheduler's immediate first job must find the monitor.
 * If the queue refuses, the row is removed again so the user sees an error and nothing half-made stays.
 */
export async function createMonitor(deps: MonitorDeps, input: MonitorConfig): Promise<Monitor> {
  const { channelIds, ...config } = input;
  const [row] = await deps.db
    .insert(monitors)
    .values({ ...config, status: input.paused ? 'paused' : 'pending', overdueAt: input.paused ? null : overdueAfter(new Date(), config.intervalSeconds) })
    .returning();
  if (!row) throw new Error('insert returned no monitor');
  let linkedChannelIds: string[];
  try {
    linkedChannelIds = await linkMonitorChannels(deps.db, row.id, channelIds);
    await queueCall(scheduleAll(deps, row, true));
  } catch (error) {
    await deps.db.delete(monitors).where(eq(monitors.id, row.id));
    throw error;
  }
  const monitor = { ...toMonitor(row), channelIds: linkedChannelIds };
  await announce(deps, monitor);
  return monitor;
}

/** Row and schedule change together: if the queue refuses, the transaction rolls the row back. */
export async function updateMonitor(deps: MonitorDeps, id: string, patch: MonitorPatch): Promise<Monitor> {
  const monitor = await deps.db.transaction(async (tx) => {
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
    if (problem) throw new ValidationError(problem);
    const [row] = await tx
      .update(monitors)
      .set({
        ...fields,
        ...(pausing ? { status: patch.paused ? 'paused' : 'pending', consecutiveFailures: 0 } : {}),
        // A paused monitor is never overdue; an edited one gets a check now and a fresh deadline.
        ...(pausing && patch.paused ? { overdueAt: null, staleSince: null, staleReason: null } : {}),
        ...((patch.paused ?? current.paused) ? {} : { overdueAt: overdueAfter(new Date(), fields.intervalSeconds ?? current.intervalSeconds) }),
        updatedAt: new Date(),
      })
      .where(eq(monitors.id, id))
      .returning();
    if (!row) throw new NotFoundError('monitor', id);
    // A new address, new thresholds or a resumed monitor deserve a fresh look at its certificate and domain.
    await queueCall(scheduleAll(deps, row, patch.url !== undefined || patch.paused === false || changesExpiryAlerts(current, row)));
    const linked = channelIds === undefined ? await channelIdsOfMonitor(tx, id) : await linkMonitorChannels(tx, id, channelIds);
    return { ...toMonitor(row), channelIds: linked };
  });
  await announce(deps, monitor);
  return monitor;
}

export const pauseMonitor = (deps: MonitorDeps, id: string) => updateMonitor(deps, id, { paused: true });
export const resumeMonitor = (deps: MonitorDeps, id: string) => updateMonitor(deps, id, { paused: false });

export async function deleteMonitor(deps: MonitorDeps, id: string): Promise<{ id: string }> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.delete(monitors).where(eq(monitors.id, id)).returning({ id: monitors.id });
    if (!row) throw new NotFoundError('monitor', id);
    await queueCall(removeAllSchedules(deps, id));
  });
  await publishQuietly(deps, { type: 'monitor.deleted', monitorId: id });
  return { id };
}

/** Queues a check beside the schedule; paused monitors are not checked. */
export async function checkMonitorNow(deps: MonitorDeps, id: string): Promise<{ queued: true }> {
  const monitor = await getMonitor(deps, id);
  if (monitor.paused) throw new NotFoundError('active monitor', id);
  await queueCall(enqueueCheckNow(deps.checkQueue, id));
  return { queued: true };
}

/**
 * Every schedule of the monitor from its row, lane by lane as the rebuild sets them (SCHEDULE_LANES). The
 * schedule's first run waits for the monitor's slot in the interval (up to a whole interval away); a new or
 * changed monitor gets its first verdict right away instead.
 */
async function scheduleAll(deps: MonitorDeps, row: ScheduledMonitor, checkExpiry: boolean): Promise<void> {
  for (const [lane, queue] of lanesOf(deps)) await applySchedule(queue, row.id, lane.everySeconds(row));
  if (!row.paused) await enqueueCheckNow(deps.checkQueue, row.id);
  if (checkExpiry && deps.expiryQueues) await enqueueExpiryCheckNow(deps.expiryQueues, row, false);
}

async function removeAllSchedules(deps: MonitorDeps, id: string): Promise<void> {
  for (const [, queue] of lanesOf(deps)) await applySchedule(queue, id, null);
}

/** The lanes this caller holds a queue for (tests may leave the expiry lanes out). */
function lanesOf(deps: MonitorDeps): [ScheduleLane, Queue][] {
  const queues: Partial<Record<QueueName, Queue>> = {
    [QUEUE_NAMES.checkHttp]: deps.checkQueue,
    [QUEUE_NAMES.checkTls]: deps.expiryQueues?.tls,
    [QUEUE_NAMES.checkDomain]: deps.expiryQueues?.domain,
  };
  return SCHEDULE_LANES.flatMap((lane) => {
    const queue = queues[lane.queue];
    return queue ? [[lane, queue] as [ScheduleLane, Queue]] : [];
  });
}

type ExpiryAlertColumns = Pick<MonitorRow, 'tlsAlertDays' | 'domainAlertDays' | 'expiryReminderDays'>;
const changesExpiryAlerts = (before: ExpiryAlertColumns, after: ExpiryAlertColumns) =>
  before.tlsAlertDays !== after.tlsAlertDays ||
  before.domainAlertDays !== after.domainAlertDays ||
  before.expiryReminderDays.join() !== after.expiryReminderDays.join();

const announce = (deps: MonitorDeps, monitor: Monitor) => publishQuietly(deps, { type: 'monitor.status', monitor });

async function publishQuietly(deps: MonitorDeps, event: Parameters<EventBus['publish']>[0]): Promise<void> {
  try {
    await deps.events.publish(event);
  } catch (error) {
    deps.logger.warn('could not publish live event', { type: event.type, error });
  }
}
