import { nextExpectedAfter, type HeartbeatMonitorSettings, type HeartbeatPingKind } from '@mini-netumo/contracts';
import type { ProbeOutcome } from '../../db/queries/check-batch-writes';

/** A heartbeat's columns that pings and deadlines move (see db/schema/monitors.ts). */
export interface HeartbeatTimes {
  lastPingAt: Date | null;
  expectedAt: Date | null;
  deadlineAt: Date | null;
  runStartedAt: Date | null;
  runId: string | null;
}

export interface HeartbeatState extends HeartbeatTimes {
  settings: HeartbeatMonitorSettings;
  paused: boolean;
  /** Whether the last recorded verdict was UP: a success while not up always counts (the first ping, a recovery). */
  up: boolean;
  /** When the last check was recorded: up already, a success counts only for a slot not yet answered. */
  lastSlotAt: Date | null;
}

export interface Ping {
  kind: HeartbeatPingKind;
  /** `/ping/<key>/<0-255>`; the kind already says success (0) or fail. */
  exitStatus: number | null;
  at: Date;
  runId: string | null;
}

/** What one ping or one passed deadline does: the new times, a check to record (or none), a run's duration. */
export interface HeartbeatStep {
  times: HeartbeatTimes;
  check: ProbeOutcome | null;
  durationMs: number | null;
}

const up = (durationMs: number | null): ProbeOutcome => ({
  ok: true,
  statusCode: null,
  latencyMs: durationMs,
  timings: null,
  errorKind: null,
  errorMessage: null,
});
const down = (errorKind: 'missed' | 'job_failed' | 'run_too_long', errorMessage: string): ProbeOutcome => ({
  ok: false,
  statusCode: null,
  latencyMs: null,
  timings: null,
  errorKind,
  errorMessage,
});

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

const timesOf = ({ lastPingAt, expectedAt, deadlineAt, runStartedAt, runId }: HeartbeatTimes): HeartbeatTimes => ({
  lastPingAt,
  expectedAt,
  deadlineAt,
  runStartedAt,
  runId,
});

/** Silence becomes DOWN at the expected time plus grace; an open run at its start plus grace, whichever is first. */
function deadlineOf(settings: HeartbeatMonitorSettings, expectedAt: Date | null, runStartedAt: Date | null): Date | null {
  const grace = settings.graceSeconds * 1_000;
  const candidates = [expectedAt, runStartedAt].filter((time): time is Date => time !== null).map((time) => time.getTime() + grace);
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

/** How early a ping may come and still answer the slot it precedes (clocks drift): the grace, at most half a slot. */
const earlyAllowance = (settings: HeartbeatMonitorSettings, slotMs: number) => Math.min(settings.graceSeconds * 1_000, slotMs / 2);

/**
 * The next time a ping is expected after a finish at `at`: a period on, or the next cron fire, or the fire after
 * that when `at` came just early for the next one (a job whose clock runs a second fast still answers its fire).
 */
function expectedAfterFinish(settings: HeartbeatMonitorSettings, at: number): number | null {
  const next = nextExpectedAfter(settings, at);
  if (next === null || settings.cron === null) return next;
  const following = nextExpectedAfter(settings, next);
  return following !== null && next - at <= earlyAllowance(settings, following - next) ? following : next;
}

/**
 * Whether a success answers a slot not yet answered, so it is a check. With a cron schedule the fires are the
 * slots. With a period the slots run from the last recorded check, so a service that pings every 10 s against a
 * 60 s period counts one check a minute (each expected slot is one check in the uptime), and its other pings
 * only push the deadline on.
 */
function answersNewSlot(state: HeartbeatState, at: number): boolean {
  if (!state.up) return true;
  const { settings, expectedAt, lastSlotAt } = state;
  if (settings.cron !== null) {
    if (expectedAt === null) return true;
    const following = nextExpectedAfter(settings, expectedAt.getTime());
    return following === null || at >= expectedAt.getTime() - earlyAllowance(settings, following - expectedAt.getTime());
  }
  if (settings.periodSeconds === null || lastSlotAt === null) return true;
  const period = settings.periodSeconds * 1_000;
  return at >= lastSlotAt.getTime() + period - earlyAllowance(settings, period);
}

/** Whether a finish (success or failure) ends the open run: one without a run id ends any; one with an id, its own. */
const endsRun = (state: HeartbeatTimes, ping: Ping) =>
  state.runStartedAt !== null && (ping.runId === null || state.runId === null || ping.runId === state.runId);

/**
 * One ping. A success records an UP check when it answers a new slot (answersNewSlot) or ends a DOWN, and
 * moves the expectation to the next period (counted from the ping) or the next cron fire after it. `/fail` or
 * a non-zero exit is a DOWN check at once (the job ran, and said it failed), and also moves the expectation.
 * `/start` opens a run that must finish within the grace time. `/log` is only stored. A paused heartbeat
 * stores its pings and decides nothing.
 */
export function applyPing(state: HeartbeatState, ping: Ping): HeartbeatStep {
  const before = timesOf(state);
  if (ping.kind === 'log') return { times: before, check: null, durationMs: null };
  if (state.paused) return { times: { ...before, lastPingAt: ping.at }, check: null, durationMs: null };
  const { settings } = state;
  if (ping.kind === 'start') {
    const times = { ...before, lastPingAt: ping.at, runStartedAt: ping.at, runId: ping.runId };
    return { times: { ...times, deadlineAt: deadlineOf(settings, times.expectedAt, ping.at) }, check: null, durationMs: null };
  }
  const ending = endsRun(state, ping);
  const durationMs = ending && state.runStartedAt ? Math.max(0, ping.at.getTime() - state.runStartedAt.getTime()) : null;
  const runStartedAt = ending ? null : state.runStartedAt;
  const runId = ending ? null : state.runId;
  const expectedAt = at(expectedAfterFinish(settings, ping.at.getTime()));
  const times = { lastPingAt: ping.at, expectedAt, runStartedAt, runId, deadlineAt: deadlineOf(settings, expectedAt, runStartedAt) };
  if (ping.kind === 'fail') {
    const message = ping.exitStatus !== null ? `the job exited with status ${ping.exitStatus}` : 'the job reported a failure';
    return { times, check: down('job_failed', message), durationMs };
  }
  return { times, check: answersNewSlot(state, ping.at.getTime()) ? up(durationMs) : null, durationMs };
}

/**
 * The deadline passed (the sweeper calls this at or after `deadlineAt`). A run open past its grace is DOWN
 * (`run_too_long`) and closed; otherwise the expected ping was missed: DOWN, and the next slot is expected one
 * period (or cron fire) later, so a long silence counts one missed check per slot. A sweeper that was away
 * longer than a slot skips to the first slot still ahead rather than inventing checks for the gap.
 */
export function applyDeadline(state: HeartbeatState, now: Date): HeartbeatStep {
  const { settings } = state;
  const grace = settings.graceSeconds * 1_000;
  if (state.runStartedAt && state.runStartedAt.getTime() + grace <= now.getTime()) {
    const times = { ...timesOf(state), runStartedAt: null, runId: null, deadlineAt: deadlineOf(settings, state.expectedAt, null) };
    const message = `a run started at ${state.runStartedAt.toISOString()} did not finish within ${settings.graceSeconds} s`;
    return { times, check: down('run_too_long', message), durationMs: null };
  }
  const expected = state.expectedAt?.getTime() ?? now.getTime() - grace;
  let next = nextExpectedAfter(settings, expected);
  if (next !== null && next + grace <= now.getTime()) next = nextExpectedAfter(settings, now.getTime() - grace);
  const expectedAt = at(next);
  const times = { ...timesOf(state), expectedAt, deadlineAt: deadlineOf(settings, expectedAt, state.runStartedAt) };
  const message = `no ping within ${settings.graceSeconds} s of ${new Date(expected).toISOString()}`;
  return { times, check: down('missed', message), durationMs: null };
}

/**
 * An edit. Paused, or resumed: pending again until the next ping (a resumed job owes nothing for the time it
 * was paused). A new schedule or grace on a running heartbeat: the next ping is expected by the new rule,
 * counted from now, so an edit never makes a DOWN of a ping that the old rule did not yet expect.
 */
export function applyEdit(before: HeartbeatState, after: HeartbeatState, now: Date): HeartbeatTimes {
  const times = timesOf(before);
  if (before.paused !== after.paused) return { ...times, expectedAt: null, deadlineAt: null, runStartedAt: null, runId: null };
  if (after.paused || before.expectedAt === null) return times;
  const expectedAt = at(nextExpectedAfter(after.settings, now.getTime()));
  return { ...times, expectedAt, deadlineAt: deadlineOf(after.settings, expectedAt, times.runStartedAt) };
}
