import type { CheckVerdict } from '@mini-netumo/contracts';
import type { MonitorRow } from '../db/schema';
import type { CheckRecorder } from '../evaluation/check-recorder';
import type { RecordedCheck } from '../evaluation/record-check';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { MaintenanceCoverage } from '../maintenance-windows/maintenance-cache';
import { notifyIncidentChange } from '../notify/notify-incident-change';
import type { NotifyDeps } from '../notify/notify-deps';
import type { ScheduleSync } from '../queue/sync-schedules';
import type { Canary } from './canary';
import type { HostLimiter } from './host-limiter';
import { runConfirmedHttpCheck } from './http/confirmed-check';
import type { MonitorLoader } from './monitor-loader';

export interface CheckDeps {
  /** Reads the monitor's row as its check starts. */
  monitors: MonitorLoader;
  recorder: CheckRecorder;
  events: EventBus;
  /** Brings a monitor's schedules in line with its row (see syncSchedulesOf). */
  schedules: ScheduleSync;
  logger: Logger;
  canary: Canary;
  hostLimiter: HostLimiter;
  /** Which checks were made in a maintenance window (they count in no uptime), answered from memory. */
  maintenance: MaintenanceCoverage;
  /** Where an incident this check opened or resolved is announced. */
  notify: NotifyDeps;
}

/**
 * One `check-http` job: probe the target (confirming a failure), decide the verdict, store it and advance
 * the state, tell the dashboards. A database error throws and BullMQ retries the job: our own trouble never
 * becomes the target's DOWN.
 */
export async function runScheduledCheck(deps: CheckDeps, job: { monitorId: string; slotAt: Date }): Promise<RecordedCheck | null> {
  const { monitorId, slotAt } = job;
  const monitor = await deps.monitors.load(monitorId);
  if (!monitor || monitor.paused) {
    // Deleted or paused while a job was already queued (or a rebuild raced the edit): make the schedules
    // match the row again, read under its lock.
    await deps.schedules.sync([monitorId]);
    return null;
  }

  const checkedAt = new Date();
  const outcome = await deps.hostLimiter.run(new URL(monitor.url).host, () => runConfirmedHttpCheck(toCheckConfig(monitor), monitor));
  const verdict: CheckVerdict = outcome.ok ? 'up' : (await deps.canary.isHealthy()) ? 'down' : 'unknown';
  const inMaintenance = await deps.maintenance.covers(monitorId, checkedAt);
  const recorded = await deps.recorder.record({ monitorId, slotAt, checkedAt, outcome, verdict, attempts: outcome.attempts, inMaintenance });
  if (recorded) await publishRecorded(deps, recorded);
  await notifyIncidentChange(deps.notify, recorded);
  return recorded;
}

function toCheckConfig(monitor: MonitorRow) {
  return { ...monitor, headers: monitor.headers ?? {} };
}

/**
 * Live events are best effort: the data is already stored, and dashboards refetch on reconnect. Published
 * together (in this order), they share one message with the rest of the recorder's batch.
 */
async function publishRecorded(deps: CheckDeps, recorded: RecordedCheck): Promise<void> {
  try {
    await Promise.all([
      deps.events.publish({ type: 'check.result', result: recorded.result }),
      deps.events.publish({ type: 'monitor.status', monitor: recorded.monitor }),
      ...(recorded.incident ? [deps.events.publish({ type: 'incident', incident: recorded.incident })] : []),
    ]);
  } catch (error) {
    deps.logger.warn('could not publish live events', { monitorId: recorded.monitor.id, error });
  }
}
