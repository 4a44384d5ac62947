import type { CheckResult, Monitor, MonitorOf } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { aCheckResult, aMonitor } from './monitor-fixtures';
import { byName, mergeFetched, upsertMonitor, withLatestResult } from './monitor-merge';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));

const monitor = (overrides: Partial<MonitorOf<'http'>> = {}): Monitor => aMonitor(overrides);
const STALE = { since: at(40), reason: 'no check since 00:00:01 (expected every 20 s); schedule re-created' };

describe('byName', () => {
  it('orders names naturally and case-insensitively, equal names by id', () => {
    const named = (name: string, id = '00000000-0000-4000-8000-000000000001') => monitor({ name, id });
    const sorted = [
      named('site 10'),
      named('Site 2'),
      named('site 1'),
      named('api'),
      named('site 2', '00000000-0000-4000-8000-000000000000'),
    ]
      .sort(byName)
      .map((m) => `${m.name}/${m.id.slice(-1)}`);
    expect(sorted).toEqual(['api/1', 'site 1/1', 'site 2/0', 'Site 2/1', 'site 10/1']);
  });
});

describe('upsertMonitor', () => {
  it('adds an unknown monitor', () => {
    expect(upsertMonitor([], monitor())).toHaveLength(1);
  });

  it('keeps the first check when the reply to create arrives after its live event', () => {
    const fromEvent = monitor({ status: 'up', lastCheckedAt: at(1) });
    const list = upsertMonitor([fromEvent], monitor());
    expect(list[0]?.status).toBe('up');
  });

  it('takes a newer copy, such as the reply to pause', () => {
    const list = upsertMonitor(
      [monitor({ status: 'up', lastCheckedAt: at(1) })],
      monitor({ status: 'paused', paused: true, updatedAt: at(5), lastCheckedAt: at(1) }),
    );
    expect(list[0]?.status).toBe('paused');
  });

  it('takes a later check with an unchanged updatedAt', () => {
    const list = upsertMonitor([monitor({ status: 'up', lastCheckedAt: at(1) })], monitor({ status: 'down', lastCheckedAt: at(9) }));
    expect(list[0]?.status).toBe('down');
  });

  it('takes a copy the watchdog marked stale, though its times did not move', () => {
    const list = upsertMonitor(
      [monitor({ status: 'up', lastCheckedAt: at(1) })],
      monitor({ status: 'up', lastCheckedAt: at(1), stale: STALE }),
    );
    expect(list[0]?.stale).toEqual(STALE);
  });

  it('takes the next check of a stale monitor, which is no longer stale', () => {
    const list = upsertMonitor(
      [monitor({ status: 'up', lastCheckedAt: at(1), stale: STALE })],
      monitor({ status: 'up', lastCheckedAt: at(50) }),
    );
    expect(list[0]?.stale).toBeNull();
  });

  it('keeps a fresh copy against a late stale one from before its check', () => {
    const fresh = [monitor({ status: 'up', lastCheckedAt: at(50) })];
    expect(upsertMonitor(fresh, monitor({ status: 'up', lastCheckedAt: at(1), stale: STALE }))).toBe(fresh);
  });

  it('returns the same array when the incoming copy is stale, so signals do not fire', () => {
    const list = [monitor({ status: 'up', lastCheckedAt: at(1) })];
    expect(upsertMonitor(list, monitor())).toBe(list);
  });
});

describe('mergeFetched', () => {
  it('drops monitors the server no longer has and keeps fresher local copies', () => {
    const fresh = monitor({ status: 'down', lastCheckedAt: at(9) });
    const gone = monitor({ id: '00000000-0000-4000-8000-000000000002' });
    const merged = mergeFetched([fresh, gone], [monitor({ status: 'up', lastCheckedAt: at(3) })]);
    expect(merged).toEqual([fresh]);
  });

  it('takes staleness from the fetched list', () => {
    const merged = mergeFetched(
      [monitor({ status: 'up', lastCheckedAt: at(1) })],
      [monitor({ status: 'up', lastCheckedAt: at(1), stale: STALE })],
    );
    expect(merged[0]?.stale).toEqual(STALE);
  });

  it('keeps a monitor created, and leaves out one deleted, while the request was in flight', () => {
    const created = monitor({ id: '00000000-0000-4000-8000-000000000003' });
    const deletedId = '00000000-0000-4000-8000-000000000004';
    const fetched = [monitor(), monitor({ id: deletedId })];
    const merged = mergeFetched([monitor(), created], fetched, new Set([created.id, deletedId]));
    expect(merged.map((m) => m.id)).toEqual([monitor().id, created.id]);
  });
});

describe('withLatestResult', () => {
  const result = (second: number, ok: boolean): CheckResult =>
    aCheckResult({ monitorId: monitor().id, checkedAt: at(second), ok, latencyMs: 42, errorMessage: ok ? null : 'HTTP 500' });

  it('shows a newer result as the last check', () => {
    const shown = withLatestResult(monitor({ lastCheckedAt: at(1) }), result(2, false));
    expect(shown).toMatchObject({ lastCheckedAt: at(2), lastLatencyMs: 42, lastError: 'HTTP 500' });
  });

  it('ignores a result the monitor already reflects', () => {
    const current = monitor({ lastCheckedAt: at(2) });
    expect(withLatestResult(current, result(2, true))).toBe(current);
  });

  it('ends staleness with a newer result, and keeps it when the result is not newer', () => {
    expect(withLatestResult(monitor({ lastCheckedAt: at(1), stale: STALE }), result(45, true)).stale).toBeNull();
    const stillStale = monitor({ lastCheckedAt: at(2), stale: STALE });
    expect(withLatestResult(stillStale, result(2, true))).toBe(stillStale);
  });
});
