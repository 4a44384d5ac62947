import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { encodeOverview, toOverviewWire, type LiveEvent, type MonitorSummary } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { aCheckResult } from './monitor-fixtures';
import { emptySparkline } from './sparkline-merge';
import { SummaryStore } from './summary-store';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const NOW = new Date();

const summary = (monitorId: string): MonitorSummary => ({
  monitorId,
  name: monitorId,
  kind: 'http',
  target: 'https://example.com',
  status: 'up',
  stale: null,
  lastLatencyMs: 10,
  lastCheckedAt: NOW,
  uptime24h: 99.5,
  uptime7d: 99.9,
  uptime30d: 100,
  sparkline24h: emptySparkline(NOW),
});

describe('SummaryStore', () => {
  let events: Subject<LiveEvent>;
  let store: SummaryStore;
  let query: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    events = new Subject();
    query = vi.fn(async () => toOverviewWire(encodeOverview([summary(A)], emptySparkline(NOW)[0]!.bucketStart.getTime())));
    TestBed.configureTestingModule({
      providers: [
        { provide: TRPC, useValue: { stats: { overview: { query } } } },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
    store = TestBed.inject(SummaryStore);
    await vi.waitFor(() => expect(store.loaded()).toBe(true));
  });

  it('loads every monitor in one call', () => {
    expect(query).toHaveBeenCalledTimes(1);
    expect(store.stats().get(A)).toMatchObject({ uptime24h: 99.5 });
  });

  it('paints a live check into the current hour, also for a monitor the summary has not seen', () => {
    events.next({ type: 'check.result', result: aCheckResult({ monitorId: A, checkedAt: NOW, ok: false, verdict: 'down' }) });
    events.next({ type: 'check.result', result: aCheckResult({ monitorId: B, checkedAt: NOW, verdict: 'up' }) });
    expect(store.stats().get(A)?.sparkline24h.at(-1)?.state).toBe('down');
    expect(store.stats().get(A)?.uptime24h).toBe(99.5);
    expect(store.stats().get(B)).toMatchObject({ uptime24h: null });
    expect(store.stats().get(B)?.sparkline24h.at(-1)?.state).toBe('up');
  });

  it('forgets a deleted monitor', () => {
    events.next({ type: 'monitor.deleted', monitorId: A });
    expect(store.stats().has(A)).toBe(false);
  });

  it('refetches on opening the overview only when its data is stale', () => {
    store.refreshIfStale();
    expect(query).toHaveBeenCalledTimes(1);
  });
});
