import { describe, expect, it } from 'vitest';
import type { HeartbeatMonitorSettings } from '@mini-netumo/contracts';
import { applyDeadline, applyPing, type HeartbeatState, type Ping } from './heartbeat-transitions';

const t = (iso: string) => new Date(iso);
const periodic: HeartbeatMonitorSettings = { periodSeconds: 60, cron: null, timezone: 'UTC', graceSeconds: 10 };
const nightly: HeartbeatMonitorSettings = { periodSeconds: null, cron: '0 2 * * *', timezone: 'UTC', graceSeconds: 600 };

const pending = (settings: HeartbeatMonitorSettings): HeartbeatState => ({
  settings,
  paused: false,
  up: false,
  lastSlotAt: null,
  lastPingAt: null,
  expectedAt: null,
  deadlineAt: null,
  runStartedAt: null,
  runId: null,
});
const ping = (kind: Ping['kind'], iso: string, extra: Partial<Ping> = {}): Ping => ({
  kind,
  at: t(iso),
  exitStatus: null,
  runId: null,
  ...extra,
});

describe('a ping', () => {
  it('success: UP, the next ping expected a period later, DOWN after the grace', () => {
    const step = applyPing(pending(periodic), ping('success', '2026-12-07T10:00:00Z'));
    expect(step.check).toMatchObject({ ok: true, errorKind: null, latencyMs: null });
    expect(step.times.expectedAt).toEqual(t('2026-12-07T10:01:00Z'));
    expect(step.times.deadlineAt).toEqual(t('2026-12-07T10:01:10Z'));
  });

  it('fail, or a non-zero exit status: DOWN at once, naming the status', () => {
    const failed = applyPing(pending(periodic), ping('fail', '2026-12-07T10:00:00Z', { exitStatus: 3 }));
    expect(failed.check).toMatchObject({ ok: false, errorKind: 'job_failed', errorMessage: 'the job exited with status 3' });
    expect(failed.times.deadlineAt).toEqual(t('2026-12-07T10:01:10Z'));
  });

  it('start opens a run; the finish records its duration as the check latency', () => {
    const started = applyPing(pending(periodic), ping('start', '2026-12-07T10:00:00Z', { runId: 'a' }));
    expect(started.check).toBeNull();
    expect(started.times.deadlineAt).toEqual(t('2026-12-07T10:00:10Z'));
    const other = applyPing({ ...pending(periodic), ...started.times }, ping('success', '2026-12-07T10:00:04Z', { runId: 'b' }));
    expect(other.times.runStartedAt).toEqual(t('2026-12-07T10:00:00Z'));
    const done = applyPing({ ...pending(periodic), ...started.times }, ping('success', '2026-12-07T10:00:04Z', { runId: 'a' }));
    expect(done.durationMs).toBe(4_000);
    expect(done.check?.latencyMs).toBe(4_000);
    expect(done.times.runStartedAt).toBeNull();
  });

  it('log changes nothing, and a paused heartbeat only remembers the ping', () => {
    const state = { ...pending(periodic), expectedAt: t('2026-12-07T10:01:00Z'), deadlineAt: t('2026-12-07T10:01:10Z') };
    expect(applyPing(state, ping('log', '2026-12-07T10:00:30Z'))).toEqual({ times: pickTimes(state), check: null, durationMs: null });
    const paused = applyPing({ ...state, paused: true }, ping('success', '2026-12-07T10:00:30Z'));
    expect(paused.check).toBeNull();
    expect(paused.times).toEqual({ ...pickTimes(state), lastPingAt: t('2026-12-07T10:00:30Z') });
  });

  it('cron: the fires are the slots, so a second success before the next fire records nothing', () => {
    const first = applyPing(pending(nightly), ping('success', '2026-12-07T02:03:00Z'));
    expect(first.check?.ok).toBe(true);
    expect(first.times.expectedAt).toEqual(t('2026-12-08T02:00:00Z'));
    const answered = { ...pending(nightly), ...first.times, up: true, lastSlotAt: t('2026-12-07T02:03:00Z') };
    const again = applyPing(answered, ping('success', '2026-12-07T05:00:00Z'));
    expect(again.check).toBeNull();
    const nextNight = applyPing(answered, ping('success', '2026-12-08T02:01:00Z'));
    expect(nextNight.check?.ok).toBe(true);
  });

  it('cron: a success that comes just early (a clock a little fast) answers the fire it precedes', () => {
    const early = applyPing(pending(nightly), ping('success', '2026-12-07T01:59:58Z'));
    expect(early.check?.ok).toBe(true);
    expect(early.times.expectedAt).toEqual(t('2026-12-08T02:00:00Z'));
    const answered = { ...pending(nightly), ...early.times, up: true, lastSlotAt: t('2026-12-07T01:59:58Z') };
    expect(applyPing(answered, ping('success', '2026-12-08T01:59:30Z')).check?.ok).toBe(true);
    // Hours early is not early: it is a run between fires, whose slot is answered.
    expect(applyPing(answered, ping('success', '2026-12-07T22:00:00Z')).check).toBeNull();
  });

  it('a success after a failure records the recovery at once, even with the slot answered', () => {
    const failed = applyPing(pending(nightly), ping('fail', '2026-12-07T02:03:00Z'));
    const down = { ...pending(nightly), ...failed.times, up: false, lastSlotAt: t('2026-12-07T02:03:00Z') };
    const rerun = applyPing(down, ping('success', '2026-12-07T02:40:00Z'));
    expect(rerun.check?.ok).toBe(true);
    expect(rerun.times.expectedAt).toEqual(t('2026-12-08T02:00:00Z'));
  });

  it('period: pings more often than the period push the deadline on, but count one check per slot', () => {
    const first = applyPing(pending(periodic), ping('success', '2026-12-07T10:00:00Z'));
    const state = { ...pending(periodic), ...first.times, up: true, lastSlotAt: t('2026-12-07T10:00:00Z') };
    const soon = applyPing(state, ping('success', '2026-12-07T10:00:20Z'));
    expect(soon.check).toBeNull();
    expect(soon.times.deadlineAt).toEqual(t('2026-12-07T10:01:30Z'));
    // A period on, less the allowance for a job's jitter (the grace, 10 s here): the next slot.
    expect(applyPing({ ...state, ...soon.times }, ping('success', '2026-12-07T10:00:49Z')).check).toBeNull();
    expect(applyPing({ ...state, ...soon.times }, ping('success', '2026-12-07T10:00:50Z')).check?.ok).toBe(true);
  });
});

describe('a passed deadline', () => {
  it('is a missed ping: DOWN, and the next slot is expected a period on', () => {
    const state = { ...pending(periodic), expectedAt: t('2026-12-07T10:01:00Z'), deadlineAt: t('2026-12-07T10:01:10Z') };
    const step = applyDeadline(state, t('2026-12-07T10:01:10.200Z'));
    expect(step.check).toMatchObject({ ok: false, errorKind: 'missed' });
    expect(step.times.expectedAt).toEqual(t('2026-12-07T10:02:00Z'));
    expect(step.times.deadlineAt).toEqual(t('2026-12-07T10:02:10Z'));
  });

  it('after a long absence skips to the first slot still ahead instead of inventing checks', () => {
    const state = { ...pending(periodic), expectedAt: t('2026-12-07T10:01:00Z'), deadlineAt: t('2026-12-07T10:01:10Z') };
    const step = applyDeadline(state, t('2026-12-07T12:00:00Z'));
    expect(step.times.deadlineAt!.getTime()).toBeGreaterThan(t('2026-12-07T12:00:00Z').getTime());
  });

  it('of a run that did not finish within the grace is run_too_long, and closes the run', () => {
    const state = {
      ...pending(periodic),
      expectedAt: t('2026-12-07T10:01:00Z'),
      runStartedAt: t('2026-12-07T10:00:00Z'),
      runId: null,
      deadlineAt: t('2026-12-07T10:00:10Z'),
    };
    const step = applyDeadline(state, t('2026-12-07T10:00:10Z'));
    expect(step.check).toMatchObject({ ok: false, errorKind: 'run_too_long' });
    expect(step.times.runStartedAt).toBeNull();
    expect(step.times.deadlineAt).toEqual(t('2026-12-07T10:01:10Z'));
  });
});

function pickTimes(state: HeartbeatState) {
  const { lastPingAt, expectedAt, deadlineAt, runStartedAt, runId } = state;
  return { lastPingAt, expectedAt, deadlineAt, runStartedAt, runId };
}
