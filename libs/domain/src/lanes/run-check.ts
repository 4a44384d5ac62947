import type { CheckVerdict } from '@mini-netumo/contracts';
import { notifyIncidentChange } from '../alerting/policy/notify-incident-change';
import type { CheckRecorder } from '../evaluation/check-recorder';
import type { RecordedCheck } from '../evaluation/record-check';
import type { MaintenanceCoverage } from '../maintenance-windows/maintenance-cache';
import type { DomainContext } from '../runtime/domain-context';
import type { Canary } from '../checks/canary';
import type { HostLimiter } from '../checks/host-limiter';
import { runConfirmed } from '../checks/confirmed-check';
import type { MonitorRow } from '../db/schema';
import { probeRow } from '../checks/monitor-kinds';
import { targetGuardOf } from '../checks/net/target-guard';
import { publishRecorded } from './publish-recorded';

/** The check lane's machinery beside the context, built once per worker and shared by its jobs. */
export interface CheckLane {
  recorder: CheckRecorder;
  canary: Canary;
  hostLimiter: HostLimiter;
  /** Which checks were made in a maintenance window (they count in no uptime), answered from memory. */
  maintenance: MaintenanceCoverage;
}

/**
 * One claimed check (see startCheckClaimer): probe the target with its kind's probe (confirming a failure),
 * decide the verdict, store it and advance the state, tell the dashboards. The row is the one the claim read, so
 * an edit takes effect at the next claim. A database error throws and the claimer runs the check again: our own
 * trouble never becomes the target's DOWN.
 */
export async function runCheck(
  ctx: DomainContext,
  check: { monitor: MonitorRow; slotAt: Date },
  lane: CheckLane,
): Promise<RecordedCheck | null> {
  const { monitor, slotAt } = check;
  // Paused, or a kind with no probe, between the claim and now: nothing to run (the column is already null).
  const probing = monitor.paused ? null : probeRow(monitor, targetGuardOf(ctx.settings));
  if (!probing) return null;

  const monitorId = monitor.id;
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
