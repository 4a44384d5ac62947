import type postgres from 'postgres';
import { claimDueChecks, moveClaimed, type UnstartedClaim } from '../db/queries/check-claims';
import type { MonitorRow } from '../db/schema';
import { nextSlotAfter } from '../monitor-model/check-slots';
import { inFlightDeadline } from '../monitor-model/overdue-rules';

/** A check this worker now owns: run it at `slotAt` (or at once when that has passed). */
export interface ClaimedCheck extends UnstartedClaim {
  monitor: MonitorRow;
}

/**
 * Claims up to `limit` checks due by `horizon` and moves each monitor on to its next slot on its beat, at least a
 * quarter interval after the one claimed (or after now, when the claimed slot is long past: a worker that was away
 * checks once, not once per missed slot), in one transaction. Its deadline moves past the longest this check can take, so a slow check in flight
 * never looks overdue (see deadlineWhileInFlight); its result moves it again.
 */
export async function claimDueChecksFor(sql: postgres.Sql, now: Date, horizon: Date, limit: number): Promise<ClaimedCheck[]> {
  return sql.begin(async (tx) => {
    const rows = await claimDueChecks(tx, horizon, limit);
    const claims = rows.map((monitor): ClaimedCheck => {
      const slotAt = monitor.nextCheckAt ?? now;
      const startsAt = new Date(Math.max(slotAt.getTime(), now.getTime()));
      const intervalMs = monitor.intervalSeconds * 1_000;
      // At least a quarter interval on: a check off the beat (a new monitor, check now) is not followed moments
      // later, and the next one still comes within an interval and a quarter.
      const movedTo = new Date(nextSlotAfter(monitor.id, intervalMs, startsAt.getTime() + intervalMs / 4));
      const inFlightUntil = inFlightDeadline(startsAt, monitor);
      return {
        id: monitor.id,
        slotAt,
        movedTo,
        monitor: { ...monitor, nextCheckAt: movedTo, overdueAt: deadlineWhileInFlight(monitor.overdueAt, inFlightUntil, now) },
      };
    });
    await moveClaimed(
      tx,
      claims.map((claim) => ({ id: claim.id, nextCheckAt: claim.movedTo, overdueAt: claim.monitor.overdueAt })),
    );
    return claims;
  });
}

/**
 * A check in flight keeps its monitor from looking overdue until it could have ended; a monitor already overdue
 * stays so until a result comes (being claimed is not being checked: it was late, and shows stale until then).
 */
function deadlineWhileInFlight(current: Date | null, inFlightUntil: Date, now: Date): Date {
  if (current && current <= now) return current;
  return current && current > inFlightUntil ? current : inFlightUntil;
}
