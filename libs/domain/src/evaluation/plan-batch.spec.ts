import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '@mini-netumo/contracts';
import type { MonitorStateRow } from '../db/queries/check-batch-writes';
import { planBatch, type CheckToRecord } from './record-check';

const state = (id: string, overrides: Partial<MonitorStateRow> = {}): MonitorStateRow => ({
  id,
  kind: 'http',
  paused: false,
  status: 'up',
  consecutiveFailures: 0,
  consecutiveSuccesses: 3,
  failureThreshold: 2,
  recoveryThreshold: 1,
  intervalSeconds: 60,
  lastSlotAt: null,
  ...overrides,
});

const check = (monitorId: string, verdict: CheckVerdict, at: string, latencyMs = 50, inMaintenance = false): CheckToRecord => ({
  monitorId,
  slotAt: new Date(at),
  checkedAt: new Date(at),
  verdict,
  attempts: verdict === 'up' ? 1 : 2,
  inMaintenance,
  outcome: {
    ok: verdict === 'up',
    statusCode: verdict === 'up' ? 200 : 500,
    latencyMs,
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: latencyMs, totalMs: latencyMs },
    errorKind: verdict === 'up' ? null : 'status',
    errorMessage: verdict === 'up' ? null : 'HTTP 500, expected 200-299',
  },
});

const NOW = new Date('2026-11-25T10:05:00Z');

describe('planBatch', () => {
  it('applies two checks of one monitor in order within a batch', () => {
    const states = new Map([['a', state('a')]]);
    const plan = planBatch(states, [check('a', 'down', '2026-11-25T10:00:00Z'), check('a', 'down', '2026-11-25T10:00:01Z')], NOW);
    expect(plan.monitorUpdates).toEqual([
      expect.objectContaining({ id: 'a', status: 'down', consecutiveFailures: 2, consecutiveSuccesses: 0 }),
    ]);
    expect(plan.incidentsOpened).toEqual([{ monitorId: 'a', at: new Date('2026-11-25T10:00:01Z'), cause: 'HTTP 500, expected 200-299' }]);
    expect(plan.transitions).toEqual([null, 'opened']);
  });

  it('drops checks of paused or deleted monitors', () => {
    const states = new Map([['paused', state('paused', { paused: true })]]);
    const plan = planBatch(states, [check('paused', 'down', '2026-11-25T10:00:00Z'), check('gone', 'up', '2026-11-25T10:00:00Z')], NOW);
    expect(plan.results).toEqual([]);
    expect(plan.monitorUpdates).toEqual([]);
  });

  it('sums a batch into one rollup delta per monitor, granularity and bucket', () => {
    const states = new Map([
      ['a', state('a')],
      ['b', state('b')],
    ]);
    const plan = planBatch(
      states,
      [
        check('a', 'up', '2026-11-25T10:10:00Z', 40),
        check('a', 'up', '2026-11-25T10:20:00Z', 400),
        check('a', 'up', '2026-11-25T11:05:00Z', 60),
        check('b', 'unknown', '2026-11-25T10:10:00Z', 900),
      ],
      NOW,
    );
    const hourA10 = plan.rollups.find(
      (r) => r.monitorId === 'a' && r.granularity === 'hour' && r.bucketStart.toISOString() === '2026-11-25T10:00:00.000Z',
    );
    expect(hourA10).toMatchObject({ checks: 2, failures: 0, latencyCount: 2, latencySum: 440, latencyMin: 40, latencyMax: 400 });
    expect(hourA10?.histogram.reduce((a, b) => a + b, 0)).toBe(2);
    const dayA = plan.rollups.find((r) => r.monitorId === 'a' && r.granularity === 'day');
    expect(dayA).toMatchObject({ checks: 3, latencySum: 500 });
    const dayB = plan.rollups.find((r) => r.monitorId === 'b' && r.granularity === 'day');
    expect(dayB).toMatchObject({ checks: 1, unknowns: 1, latencyCount: 0, latencyMin: null });
    expect(plan.rollups).toHaveLength(5); // a: two hours + one day; b: one hour + one day
  });

  it('counts checks in a maintenance window as maintenance only, keeping successful latencies and the state machine', () => {
    const states = new Map([['a', state('a')]]);
    const plan = planBatch(
      states,
      [
        check('a', 'down', '2026-11-25T10:00:00Z', 50, true),
        check('a', 'down', '2026-11-25T10:01:00Z', 50, true),
        check('a', 'unknown', '2026-11-25T10:02:00Z', 50, true),
        check('a', 'up', '2026-11-25T10:03:00Z', 80, true),
        check('a', 'down', '2026-11-25T10:04:00Z', 50, false),
      ],
      NOW,
    );
    const hour = plan.rollups.find((r) => r.granularity === 'hour');
    expect(hour).toMatchObject({ checks: 5, failures: 1, unknowns: 0, maintenance: 4, latencyCount: 1, latencySum: 80 });
    // Two failures in the window still take the monitor down; only the telling and the uptime differ.
    expect(plan.incidentsOpened).toEqual([{ monitorId: 'a', at: new Date('2026-11-25T10:01:00Z'), cause: 'HTTP 500, expected 200-299' }]);
    expect(plan.results.map((r) => r.inMaintenance)).toEqual([true, true, true, true, false]);
  });

  it('resolves on recovery after a down within the same batch', () => {
    const states = new Map([['a', state('a', { status: 'down', consecutiveFailures: 4, consecutiveSuccesses: 0 })]]);
    const plan = planBatch(states, [check('a', 'up', '2026-11-25T10:00:00Z')], NOW);
    expect(plan.incidentsResolved).toEqual([{ monitorId: 'a', at: new Date('2026-11-25T10:00:00Z') }]);
    expect(plan.transitions).toEqual(['resolved']);
  });

  it('drops a re-run of a stored slot and an older slot, and keeps one result per slot', () => {
    const states = new Map([['a', state('a', { lastSlotAt: new Date('2026-11-25T10:00:00Z') })]]);
    const plan = planBatch(
      states,
      [
        check('a', 'up', '2026-11-25T10:00:00Z'),
        check('a', 'up', '2026-11-25T09:59:40Z'),
        check('a', 'up', '2026-11-25T10:00:20Z'),
        check('a', 'up', '2026-11-25T10:00:20Z'),
      ],
      NOW,
    );
    expect(plan.results.map((r) => r.slotAt.toISOString())).toEqual(['2026-11-25T10:00:20.000Z']);
    expect(plan.monitorUpdates[0]).toMatchObject({ slotAt: new Date('2026-11-25T10:00:20Z') });
  });

  it('moves the overdue deadline an interval and a margin past the time the batch is stored', () => {
    const states = new Map([['a', state('a', { intervalSeconds: 20 })]]);
    const plan = planBatch(states, [check('a', 'up', '2026-11-25T10:04:59Z')], NOW);
    expect(plan.monitorUpdates[0]?.overdueAt).toEqual(new Date(NOW.getTime() + 20_000 + 7_000));
  });
});
