import { and, eq, ne } from 'drizzle-orm';
import type { CheckResult, CheckVerdict, Incident, Monitor } from '@mini-netumo/contracts';
import type { HttpCheckOutcome } from '../checks/http/http-check';
import type { Db } from '../db/client';
import { toCheckResult, toMonitor } from '../db/monitor-row';
import { addToRollups } from '../db/queries/rollup-writes';
import { checkResults, incidents, monitors } from '../db/schema';
import { evaluateCheck } from './monitor-state';

export interface RecordedCheck {
  monitor: Monitor;
  result: CheckResult;
  /** The incident opened or resolved by this check, if any. */
  incident: Incident | null;
}

export interface CheckToRecord {
  checkedAt: Date;
  outcome: HttpCheckOutcome;
  verdict: CheckVerdict;
  attempts: number;
}

/**
 * Stores one check, adds it to the rollups and advances the monitor, in one transaction. The row lock
 * serialises two checks of the same monitor (scheduled and "check now"), so streak counts stay exact.
 * Returns null when the monitor was deleted or paused while the check ran: its result no longer matters.
 */
export async function recordCheck(db: Db, monitorId: string, check: CheckToRecord): Promise<RecordedCheck | null> {
  const { checkedAt, outcome, verdict } = check;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(monitors).where(eq(monitors.id, monitorId)).for('update');
    if (!current || current.paused) return null;

    const [result] = await tx
      .insert(checkResults)
      .values({
        monitorId,
        checkedAt,
        ok: outcome.ok,
        verdict,
        attempts: check.attempts,
        statusCode: outcome.statusCode,
        latencyMs: outcome.latencyMs,
        dnsMs: outcome.timings.dnsMs,
        connectMs: outcome.timings.connectMs,
        tlsMs: outcome.timings.tlsMs,
        firstByteMs: outcome.timings.firstByteMs,
        errorKind: outcome.errorKind,
        errorMessage: outcome.errorMessage,
      })
      .returning();
    await addToRollups(tx, monitorId, checkedAt, verdict, outcome.latencyMs);

    const { next, transition } = evaluateCheck(current, verdict, current);
    const [updated] = await tx
      .update(monitors)
      .set({
        status: next.status,
        consecutiveFailures: next.consecutiveFailures,
        consecutiveSuccesses: next.consecutiveSuccesses,
        lastCheckedAt: checkedAt,
        lastLatencyMs: outcome.latencyMs,
        lastError: outcome.errorMessage,
      })
      .where(eq(monitors.id, monitorId))
      .returning();

    let incident: Incident | null = null;
    if (transition?.to === 'down') {
      // The partial unique index makes a second open incident impossible; DO NOTHING keeps the first.
      const [opened] = await tx
        .insert(incidents)
        .values({ monitorId, kind: 'down', state: 'open', openedAt: checkedAt, cause: outcome.errorMessage })
        .onConflictDoNothing()
        .returning();
      incident = opened ?? null;
    } else if (transition?.from === 'down' && transition.to === 'up') {
      const [resolved] = await tx
        .update(incidents)
        .set({ state: 'resolved', resolvedAt: checkedAt })
        .where(and(eq(incidents.monitorId, monitorId), eq(incidents.kind, 'down'), ne(incidents.state, 'resolved')))
        .returning();
      incident = resolved ?? null;
    }

    if (!result || !updated) throw new Error(`recording check of ${monitorId} returned no row`);
    return { monitor: toMonitor(updated), result: toCheckResult(result), incident };
  });
}
