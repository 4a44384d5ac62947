import type { CheckVerdict } from '@mini-netumo/contracts';
import { notifyIncidentChange } from '../alerting/policy/notify-incident-change';
import type { CheckRecorder } from '../evaluation/check-recorder';
import type { RecordedCheck } from '../evaluation/record-check';
import type { MaintenanceCoverage } from '../maintenance-windows/maintenance-cache';
import type { ScheduleSync } from '../scheduling/sync-schedules';
import type { DomainContext } from '../runtime/domain-context';
import type { Canary } from '../checks/canary';
import type { HostLimiter } from '../checks/host-limiter';
import { runConfirmed } from '../checks/confirmed-check';
import type { MonitorLoader } from './monitor-loader';
import { probeRow } from '../checks/monitor-kinds';
import { publishRecorded } from './publish-recorded';

/** The check lane's machinery beside the context, built once per worker and shared by its jobs. */
export interface CheckLane {
  /** Reads the monitor's row as its check starts. */
  monitors: MonitorLoader;
  recorder: CheckRecorder;
  /** Brings a monitor's schedules in line with its row (see createScheduleSync). */
  schedules: ScheduleSync;
  canary: Canary;
  hostLimiter: HostLimiter;
  /** Which checks were made in a maintenance window (they count in no uptime), answered from memory. */
  maintenance: MaintenanceCoverage;
}

/**
 * One `check-http` job (every active kind runs on this lane, whatever the queue's old name says): probe the
 * target with its kind's probe (confirming a failure), decide the verdict, store it and advance the state,
 * tell the dashboards. A database error throws and BullMQ retries the job: our own trouble never
 * becomes the target's DOWN.
 */
export async function runScheduledCheck(
  ctx: DomainContext,
  job: { monitorId: string; slotAt: Date },
  lane: CheckLane,
): Promise<RecordedCheck | null> {
  const { monitorId, slotAt } = job;
  const monitor = await lane.monitors.load(monitorId);
  const probing = monitor && !monitor.paused ? probeRow(monitor) : null;
  if (!monitor || !probing) {
    // Deleted or paused while a job was already queued (or a rebuild raced the edit), or a job that a
    // heartbeat never has: make the schedules match the row again, read under its lock.
    await lane.schedules.sync([monitorId]);
    return null;
  }

  const checkedAt = new Date();
  const { limitKey, probe } = probing;
  const outcome = await lane.hostLimiter.run(limitKey, () => runConfirmed(probe, monitor));
  const verdict: CheckVerdict = outcome.ok ? 'up' : (await lane.canary.isHealthy()) ? 'down' : 'unknown';
  const inMaintenance = await lane.maintenance.covers(monitorId, checkedAt);
  const recorded = await lane.recorder.record({
    monitorId,
    slotAt,
    checkedAt,
    outcome,
    verdict,
    attempts: outcome.attempts,
    inMaintenance,
  });
  if (recorded) await publishRecorded(ctx, recorded);
  await notifyIncidentChange(ctx, recorded);
  return recorded;
}
