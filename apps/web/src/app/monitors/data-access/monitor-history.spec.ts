import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CheckResult, LiveEvent, MonitorStats } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { aCheckResult } from './monitor-fixtures';
import { MonitorHistory, PAGE_SIZE } from './monitor-history';

const ID = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const results = (count: number, firstId = 100) => Array.from({ length: count }, (_, i) => aCheckResult({ id: firstId - i, monitorId: ID }));
const stats = (window: MonitorStats['window'], checks = 10) => ({ window, checks }) as MonitorStats;

describe('MonitorHistory', () => {
  let events: Subject<LiveEvent>;
  let history: MonitorHistory;
  let statsQuery: ReturnType<typeof vi.fn>;
  let listQuery: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    events = new Subject();
    statsQuery = vi.fn(async ({ window }: { window: MonitorStats['window'] }) => stats(window));
    listQuery = vi.fn(async ({ limit, cursor }: { limit: number; cursor?: string }) => ({
      items: cursor ? results(limit, 50) : results(limit),
      nextCursor: cursor ? null : 'page-2',
    }));
    TestBed.configureTestingModule({
      providers: [
        MonitorHistory,
        {
          provide: TRPC,
          useValue: {
            stats: { monitor: { query: statsQuery }, export: { query: vi.fn(async () => ({ csv: 'a,b\r\n' })) } },
            results: { list: { query: listQuery } },
            incidents: { list: { query: vi.fn(async () => []) } },
          },
        },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
    history = TestBed.inject(MonitorHistory);
    history.open(ID);
    await vi.waitFor(() => expect(history.page()).not.toBeNull());
  });

  afterEach(() => vi.useRealTimers());

  const check = (result: Partial<CheckResult>) => events.next({ type: 'check.result', result: aCheckResult({ monitorId: ID, ...result }) });

  it('loads statistics, recent checks, the first page and incidents', () => {
    expect(history.stats()?.window).toBe('24h');
    expect(history.recent()).toHaveLength(60);
    expect(history.page()).toMatchObject({ index: 0, nextCursor: 'page-2' });
    expect(history.page()?.items).toHaveLength(PAGE_SIZE);
    expect(history.incidents()).toEqual([]);
  });

  it('pages with the cursor and back', async () => {
    history.nextPage();
    await vi.waitFor(() => expect(history.page()?.index).toBe(1));
    expect(listQuery).toHaveBeenLastCalledWith({ monitorId: ID, limit: PAGE_SIZE, cursor: 'page-2' });
    history.previousPage();
    await vi.waitFor(() => expect(history.page()?.index).toBe(0));
    expect(listQuery).toHaveBeenLastCalledWith({ monitorId: ID, limit: PAGE_SIZE, cursor: undefined });
  });

  it('puts a live check on top of the first page and the timings, and reloads statistics once per burst', async () => {
    statsQuery.mockClear();
    check({ id: 500 });
    check({ id: 501 });
    expect(history.page()?.items[0]?.id).toBe(501);
    expect(history.page()?.items).toHaveLength(PAGE_SIZE + 2);
    expect(history.recent()?.[0]?.id).toBe(501);
    expect(history.recent()).toHaveLength(60);
    expect(statsQuery).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(statsQuery).toHaveBeenCalledTimes(1);
  });

  it('ignores checks of other monitors', () => {
    events.next({ type: 'check.result', result: aCheckResult({ id: 900, monitorId: OTHER }) });
    expect(history.page()?.items[0]?.id).toBe(100);
  });

  it('keeps the newest window when an older request answers last', async () => {
    let answerSlow: (value: MonitorStats) => void = () => undefined;
    statsQuery.mockImplementationOnce(() => new Promise<MonitorStats>((resolve) => (answerSlow = resolve)));
    history.setWindow('7d');
    history.setWindow('30d');
    await vi.waitFor(() => expect(history.stats()?.window).toBe('30d'));
    answerSlow(stats('7d'));
    await Promise.resolve();
    expect(history.stats()?.window).toBe('30d');
    expect(history.statsLoading()).toBe(false);
  });

  it('exports the chosen window, ending now', async () => {
    history.setWindow('7d');
    const exportQuery = TestBed.inject(TRPC).stats.export.query as unknown as ReturnType<typeof vi.fn>;
    expect(await history.exportCsv('hourly')).toBe('a,b\r\n');
    const { from, to, what } = exportQuery.mock.calls[0]?.[0] as { from: Date; to: Date; what: string };
    expect(what).toBe('hourly');
    expect(to.getTime() - from.getTime()).toBe(7 * 86_400_000);
  });
});
