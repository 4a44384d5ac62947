import { OVERVIEW_HOURS, monitorStateOf, type OverviewSnapshot } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { aCheckResult, aHeartbeat, aMonitor } from './monitor-fixtures';
import { emptyBar } from './overview-bar';
import { entriesOf, entryOfMonitor, withCheckResult, withState } from './overview-entries';

const NOW = Date.UTC(2025, 0, 2, 12, 30);
const FIRST = emptyBar(NOW).firstHourMs;
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const snapshot: OverviewSnapshot = {
  firstHourMs: FIRST,
  monitorId: [A, B],
  name: ['site 10', 'site 2'],
  kind: ['http', 'heartbeat'],
  target: ['https://127.0.0.1/a', 'every 1 h'],
  status: ['down', 'paused'],
  staleSinceMs: [NOW - 60_000, null],
  staleReason: ['no worker is running', null],
  lastError: ['HTTP 500', null],
  lastLatencyMs: [120, null],
  lastCheckedAtMs: [NOW - 30_000, null],
  uptime24h: [97.5, null],
  uptime7d: [99, null],
  uptime30d: [99.5, null],
  sparkStates: ['u'.repeat(23) + 'd', '.'.repeat(24)],
  sparkLatencies: [`${Array<number>(23).fill(100).join(',')},`, ','.repeat(OVERVIEW_HOURS - 1)],
};

describe('entriesOf', () => {
  const entries = entriesOf(snapshot);

  it('turns the columns into entries, in natural name order', () => {
    expect(entries.map((entry) => entry.name)).toEqual(['site 2', 'site 10']);
    expect(entries[1]).toEqual({
      id: A,
      name: 'site 10',
      kind: 'http',
      target: 'https://127.0.0.1/a',
      status: 'down',
      paused: false,
      stale: { since: new Date(NOW - 60_000), reason: 'no worker is running' },
      lastError: 'HTTP 500',
      lastLatencyMs: 120,
      lastCheckedAt: new Date(NOW - 30_000),
      uptime24h: 97.5,
      bar: { firstHourMs: FIRST, states: 'u'.repeat(23) + 'd', latencies: `${Array<number>(23).fill(100).join(',')},` },
    });
  });

  it('knows a paused monitor by its status', () => {
    expect(entries[0]).toMatchObject({ kind: 'heartbeat', status: 'paused', paused: true, stale: null, lastCheckedAt: null });
  });
});

describe('entryOfMonitor', () => {
  it('keeps the bar and uptime it knew, and takes the rest from the monitor', () => {
    const [known] = entriesOf({ ...snapshot, monitorId: [A], name: ['Shop'] });
    const entry = entryOfMonitor(aMonitor({ id: A, name: 'Renamed', url: 'https://127.0.0.1/b', status: 'up' }), known, NOW);
    expect(entry).toMatchObject({ name: 'Renamed', target: 'https://127.0.0.1/b', status: 'up', stale: null, uptime24h: 97.5 });
    expect(entry.bar).toBe(known?.bar);
  });

  it('gives a new monitor an empty bar and no uptime yet', () => {
    const entry = entryOfMonitor(aHeartbeat({ id: B, paused: true, status: 'paused' }), undefined, NOW);
    expect(entry).toMatchObject({ kind: 'heartbeat', paused: true, uptime24h: null, bar: emptyBar(NOW) });
  });
});

describe('live changes', () => {
  const [, entry] = entriesOf(snapshot);
  if (!entry) throw new Error('no entry');

  it('takes the verdict fields of a monitor.state event', () => {
    const state = monitorStateOf(aMonitor({ id: A, status: 'up', lastCheckedAt: new Date(NOW), lastLatencyMs: 80 }));
    expect(withState(entry, state)).toMatchObject({ name: 'site 10', status: 'up', stale: null, lastError: null, lastLatencyMs: 80 });
  });

  it('shows a newer check as the last one, ends staleness and paints the bar', () => {
    const result = aCheckResult({
      monitorId: A,
      checkedAt: new Date(NOW),
      ok: false,
      verdict: 'down',
      latencyMs: 5,
      errorMessage: 'timeout',
    });
    const next = withCheckResult(entry, result);
    expect(next).toMatchObject({ lastCheckedAt: new Date(NOW), lastLatencyMs: 5, lastError: 'timeout', stale: null });
    expect(next.bar.states.at(-1)).toBe('d');
  });

  it('keeps the entry as it is for a check it already reflects', () => {
    const result = aCheckResult({ monitorId: A, checkedAt: new Date(NOW - 30_000), ok: false, verdict: 'down' });
    expect(withCheckResult(entry, result)).toBe(entry);
  });
});
