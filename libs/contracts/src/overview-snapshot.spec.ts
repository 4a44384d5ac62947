import { describe, expect, it } from 'vitest';
import { decodeOverview, encodeOverview, overviewSnapshotSchema } from './overview-snapshot';
import type { MonitorSummary } from './stats';

const HOUR = 3_600_000;
const FIRST = Date.UTC(2026, 11, 6, 8);
const bar = (states: MonitorSummary['sparkline24h'][number]['state'][]) =>
  states.map((state, hour) => ({ bucketStart: new Date(FIRST + hour * HOUR), state, avgLatencyMs: state === 'up' ? 100 + hour : null }));

const rows: MonitorSummary[] = [
  {
    monitorId: '00000000-0000-4000-8000-00000000000a',
    name: 'Shop',
    kind: 'http',
    target: 'https://127.0.0.1/shop',
    status: 'up',
    stale: null,
    lastError: null,
    lastLatencyMs: 120,
    lastCheckedAt: new Date(FIRST + 23 * HOUR + 60_000),
    uptime24h: 99.5,
    uptime7d: 99.9,
    uptime30d: null,
    sparkline24h: bar([...Array<'up'>(20).fill('up'), 'down', 'maintenance', 'unknown', 'none']),
  },
  {
    monitorId: '00000000-0000-4000-8000-00000000000b',
    name: 'Backup',
    kind: 'heartbeat',
    target: 'every 1 h',
    status: 'down',
    stale: { since: new Date(FIRST), reason: 'no result within 27 s (checks every 20 s)' },
    lastError: 'no ping since 08:00',
    lastLatencyMs: null,
    lastCheckedAt: null,
    uptime24h: null,
    uptime7d: null,
    uptime30d: 0,
    sparkline24h: bar(Array<'none'>(24).fill('none')),
  },
];

describe('the overview snapshot', () => {
  it('turns rows into columns the contract accepts, and back into the same rows', () => {
    const snapshot = overviewSnapshotSchema.parse(encodeOverview(rows, FIRST));
    expect(snapshot.sparkStates).toEqual(['uuuuuuuuuuuuuuuuuuuudmx.', '........................']);
    expect(snapshot.sparkLatencies).toEqual([`${Array.from({ length: 20 }, (_, hour) => 100 + hour).join(',')},,,,`, ','.repeat(23)]);
    expect(decodeOverview(snapshot)).toEqual(rows);
  });

  it('carries no date objects, so superjson adds no metadata per cell', () => {
    const snapshot = encodeOverview(rows, FIRST);
    expect(JSON.stringify(snapshot)).not.toContain('T08:00:00');
    expect(
      Object.values(snapshot)
        .flat()
        .some((value: unknown) => value instanceof Date),
    ).toBe(false);
  });

  it('refuses a bar of the wrong length or with an unknown state', () => {
    const snapshot = encodeOverview(rows, FIRST);
    expect(overviewSnapshotSchema.safeParse({ ...snapshot, sparkStates: ['uuu', snapshot.sparkStates[1]] }).success).toBe(false);
    expect(overviewSnapshotSchema.safeParse({ ...snapshot, sparkStates: ['z'.repeat(24), snapshot.sparkStates[1]] }).success).toBe(false);
  });

  it('refuses latencies of the wrong count or that are not whole milliseconds', () => {
    const snapshot = encodeOverview(rows, FIRST);
    const withLatencies = (text: string) =>
      overviewSnapshotSchema.safeParse({ ...snapshot, sparkLatencies: [text, snapshot.sparkLatencies[1]] });
    expect(withLatencies(','.repeat(23)).success).toBe(true);
    expect(withLatencies(','.repeat(22)).success).toBe(false);
    expect(withLatencies(`1.5${','.repeat(23)}`).success).toBe(false);
    expect(withLatencies(`-1${','.repeat(23)}`).success).toBe(false);
  });
});
