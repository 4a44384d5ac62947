import { releaseClaims } from '../db/queries/check-claims';
import { wakeableSleep } from '../core/wakeable-sleep';
import type { CheckRecorder } from '../evaluation/check-recorder';
import { rateLimitedWarning } from '../logging/rate-limited-warning';
import type { DomainContext } from '../runtime/domain-context';
import { claimDueChecksFor, type ClaimedCheck } from '../scheduling/claim-due-checks';
import { runCheck, type CheckLane } from './run-check';

export interface CheckClaimerOptions {
  /**
   * Checks this worker probes at once. It claims no more than it expects to start before its next look (from how
   * long its probes take), and leaves the rest to other workers.
   */
  concurrency: number;
  /** How often it looks for due checks, on average, and so how far ahead it claims them (each then waits for its slot). */
  tickMs?: number;
  now?: () => number;
}

export interface CheckClaimer {
  /** Checks claimed by this worker and not yet finished (waiting for their start, probing, or being stored). */
  inFlight(): number;
  /** Checks this worker has started since it began: its share of the fleet. */
  started(): number;
  /** Stops claiming, gives back claimed checks that have not started, and waits for the running ones. */
  stop(): Promise<void>;
}

/**
 * Checks due within this much of each other start together, on its boundary (never before their slot): at an
 * ordinary load each check otherwise woke the process on its own, and the wake-ups, the small write batches and
 * the events they led to cost more CPU than the checks.
 */
const START_GRAIN_MS = 250;

/**
 * One look a second: each look is a transaction whatever it claims, a fixed cost the checks share. With four looks
 * and four write batches a second at an ordinary load, 50 checks a second, PostgreSQL spent ~0.33 ms a check; with
 * one of each, ~0.2 ms (the worker's own CPU varies more from one 20 s window to the next than it moved). A new or
 * edited monitor waits up to a look and a half for its first check.
 */
const DEFAULT_TICK_MS = 1_000;

/**
 * Claimed checks waiting for their start, per unit of concurrency, before the claimer claims no more. At 100,000
 * monitors a second's look ahead held up to ~1,700 claims, with their monitor rows, for up to 1.5 s: the worker's
 * RSS was 370 MB, against 340 with this bound. At an ordinary load a second of claims is far below it.
 */
const AHEAD_PER_PROBE = 4;

/**
 * Checks claimed and not yet stored (waiting for their start, probing, or waiting for the recorder's batch), per
 * unit of concurrency, before the claimer claims no more. Only probes hold a slot: counted against the concurrency,
 * a second's claims ahead and a second of results waiting for their batch starved the probes (10,000 monitors every
 * 60 s need ~170 a second). Bounded still: a slow database makes the worker claim less instead of holding results
 * without end.
 */
const IN_FLIGHT_PER_PROBE = 16;

/** How long a probe takes before this worker has timed one: a guess on the slow side, so its first claims are few. */
const FIRST_PROBE_MS_GUESS = 1_000;

/** A check whose result could not be stored (our database, not the target) is run again this often, this many times. */
const RETRY_DELAYS_MS = [1_000, 2_000];

/**
 * The check lane's scheduler. The schedule is a column (`monitors.next_check_at`, partial index), not a queue
 * job per monitor: every tick this worker claims the checks due before its next tick, up to what it can start by
 * then, in one transaction that also moves each monitor to its next slot (FOR UPDATE SKIP LOCKED, so any number of
 * workers share the fleet and each slot is claimed once). A worker that dies loses only what it had claimed:
 * the next slot of each of those monitors is already in the column for the others to take. After a restart, or
 * with Redis flushed or away, there is nothing to rebuild. The profile this replaced spent most of the worker's
 * CPU at ordinary load on BullMQ's per-job round trips (a scheduler, a delayed job, a move to active, a
 * completion per check); here a tick costs one transaction whatever it claims.
 */
export function startCheckClaimer(ctx: DomainContext, lane: CheckLane, options: CheckClaimerOptions): CheckClaimer {
  const { concurrency, tickMs = DEFAULT_TICK_MS, now = Date.now } = options;
  const claimFailed = rateLimitedWarning(ctx.logger, 'could not claim due checks; trying again');
  const checkFailed = rateLimitedWarning(ctx.logger, 'check could not be stored; retrying it');
  /** Claimed checks waiting for their slot, by the start time they share (see START_GRAIN_MS). */
  const waiting = new Map<number, { timer: NodeJS.Timeout; claims: ClaimedCheck[] }>();
  let waitingCount = 0;
  /** Checks whose start time came while every probe slot was taken, in slot order. */
  let queued: ClaimedCheck[] = [];
  const running = new Set<Promise<void>>();
  /** Of the running checks, those whose probe is not over (the rest wait for the recorder, or to retry). */
  let probing = 0;
  let probeMs = FIRST_PROBE_MS_GUESS;
  let probesTimed = 0;
  let stopped = false;
  let saturated = false;
  let started = 0;
  const { sleep, wake } = wakeableSleep();

  const notStarted = () => waitingCount + queued.length;
  /** What this worker may claim for a look `horizonMs` ahead: what it can start by then, within its bound. */
  const room = (horizonMs: number) => {
    const canStart = concurrency - probing + Math.floor((concurrency * horizonMs) / probeMs);
    return Math.min(canStart, concurrency * AHEAD_PER_PROBE, concurrency * IN_FLIGHT_PER_PROBE - running.size) - notStarted();
  };
  // At capacity the loop waits for room; a quarter free is worth a claim (one row per claim would cost more).
  const roomMade = () => {
    if (saturated && room(tickMs) >= Math.max(1, concurrency / 4)) wake();
  };
  const startQueued = () => {
    while (probing < concurrency && queued.length > 0 && !stopped) run(queued.shift()!);
  };
  const run = (claim: ClaimedCheck) => {
    started++;
    const done = runWithRetries(claim).finally(() => {
      running.delete(done);
      roomMade();
    });
    running.add(done);
  };
  /** The lane for one attempt of one check: its probe is over when its result goes to the recorder, or it ends. */
  const attemptLane = (): { lane: CheckLane; probed: () => void } => {
    let over = false;
    const startedAt = now();
    probing++;
    const probed = () => {
      if (over) return;
      over = true;
      probing--;
      // The mean of the first probes, then a moving average over the last ~20: it follows targets that slow down.
      probesTimed++;
      probeMs += (Math.max(1, now() - startedAt) - probeMs) / Math.min(probesTimed, 20);
      startQueued();
      roomMade();
    };
    const recorder: CheckRecorder = {
      ...lane.recorder,
      record(check) {
        probed();
        return lane.recorder.record(check);
      },
    };
    return { lane: { ...lane, recorder }, probed };
  };
  const runWithRetries = async (claim: ClaimedCheck) => {
    for (let attempt = 0; ; attempt++) {
      const { lane: thisAttempt, probed } = attemptLane();
      try {
        await runCheck(ctx, { monitor: claim.monitor, slotAt: claim.slotAt }, thisAttempt);
        return;
      } catch (error) {
        probed();
        const delay = RETRY_DELAYS_MS[attempt];
        checkFailed({ monitorId: claim.id, attempt: attempt + 1, error });
        if (delay === undefined || stopped) return;
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        probed();
      }
    }
  };
  const startAtSlot = (claim: ClaimedCheck) => {
    const startAt = Math.ceil(claim.slotAt.getTime() / START_GRAIN_MS) * START_GRAIN_MS;
    if (startAt <= now()) {
      queued.push(claim);
      return startQueued();
    }
    const group = waiting.get(startAt);
    waitingCount++;
    if (group) return void group.claims.push(claim);
    const claims = [claim];
    const timer = setTimeout(() => {
      waiting.delete(startAt);
      waitingCount -= claims.length;
      queued.push(...claims);
      startQueued();
    }, startAt - now());
    waiting.set(startAt, { timer, claims });
  };

  const loop = (async () => {
    while (!stopped) {
      // Each worker claims what falls due before its next look; a jittered pause keeps several workers' looks from
      // locking into one phase, where the one looking first would take most of every tick's checks.
      const pause = tickMs * (0.5 + Math.random());
      const limit = room(pause);
      saturated = limit <= 0;
      if (!saturated) {
        try {
          const at = now();
          const claims = await claimDueChecksFor(ctx.sql, new Date(at), new Date(at + pause), limit);
          for (const claim of claims) startAtSlot(claim);
          saturated = claims.length === limit;
        } catch (error) {
          claimFailed({ error });
        }
      }
      if (!stopped) await sleep(pause);
    }
  })();

  return {
    inFlight: () => notStarted() + running.size,
    started: () => started,
    async stop() {
      stopped = true;
      wake();
      await loop;
      const unstarted = [...queued, ...[...waiting.values()].flatMap((group) => group.claims)];
      for (const group of waiting.values()) clearTimeout(group.timer);
      waiting.clear();
      waitingCount = 0;
      queued = [];
      await releaseClaims(ctx.sql, unstarted).catch((error: unknown) =>
        ctx.logger.warn('could not give back claimed checks; they run at their next slot', { checks: unstarted.length, error }),
      );
      await Promise.all(running);
    },
  };
}
