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

/** Whether a finish (success or failure) ends the open run: one without a run id ends any; one with an id, its own. */
const endsRun = (state: HeartbeatTimes, ping: Ping) =>
  state.runStartedAt !== null && (ping.runId === null || state.runId === null || ping.runId === state.runId);

/**
 * One ping. A success records an UP check and moves the expectation to the next period (counted from the ping)
 * or the next cron fire after it; with a cron schedule, a second success before that fire finds its slot
 * already answered and records nothing. `/fail` or a non-zero exit is a DOWN check at once (the job ran, and
 * said it failed), and also moves the expectation. `/start` opens a run that must finish within the grace
 * time. `/log` is only stored. A paused heartbeat stores its pings and decides nothing.
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
  const expectedAt = at(nextExpectedAfter(settings, ping.at.getTime()));
  const times = { lastPingAt: ping.at, expectedAt, runStartedAt, runId, deadlineAt: deadlineOf(settings, expectedAt, runStartedAt) };
  if (ping.kind === 'fail') {
    const message = ping.exitStatus !== null ? `the job exited with status ${ping.exitStatus}` : 'the job reported a failure';
    return { times, check: down('job_failed', message), durationMs };
  }
  // Cron: the fires are the slots. A success before the fire it was expected at answers a slot already answered.
  const slotAnswered = settings.cron !== null && state.expectedAt !== null && ping.at.getTime() < state.expectedAt.getTime();
  return { times, check: slotAnswered ? null : up(durationMs), durationMs };
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
