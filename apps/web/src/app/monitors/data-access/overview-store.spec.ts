import { TestBed } from '@angular/core/testing';
import { monitorStateOf, toOverviewWire, type OverviewSnapshot, type OverviewWire } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HealthStore } from '../../health/data-access/health-store';
import { LiveEvents } from '../../live/live-events';
import { fakeLiveEvents } from '../../live/live-events-fake';
import { TRPC } from '../../trpc/trpc';
import { aCheckResult, aMonitor } from './monitor-fixtures';
import { MonitorStore, type MonitorChange } from './monitor-store';
import { emptyBar } from './overview-bar';
import { OverviewStore } from './overview-store';
import { prefetchOverview } from './overview-prefetch';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const NOW = Date.now();

/** A snapshot of monitors `up`, each with a day of `up` hours. */
function snapshotOf(monitors: { id: string; name: string; status?: 'up' | 'pending' }[]): OverviewWire {
  const column = <T>(value: T) => monitors.map(() => value);
  const snapshot: OverviewSnapshot = {
    firstHourMs: emptyBar(NOW).firstHourMs,
    monitorId: monitors.map((monitor) => monitor.id),
    name: monitors.map((monitor) => monitor.name),
    kind: column('http' as const),
    target: column('https://127.0.0.1/'),
    status: monitors.map((monitor) => monitor.status ?? 'up'),
    staleSinceMs: column(null),
    staleReason: column(null),
    lastError: column(null),
    lastLatencyMs: column(10),
    lastCheckedAtMs: column(NOW - 60_000),
    uptime24h: column(99.5),
    uptime7d: column(99.9),
    uptime30d: column(100),
    sparkStates: column('u'.repeat(24)),
    sparkLatencies: column(Array<number>(24).fill(10).join(',')),
  };
  return toOverviewWire(snapshot);
}

describe('OverviewStore', () => {
  let live: ReturnType<typeof fakeLiveEvents>;
  let changes: Subject<MonitorChange>;
  let monitoringChanged: Subject<void>;
  let query: ReturnType<typeof vi.fn<() => Promise<OverviewWire>>>;
  let store: OverviewStore;

  /** The store on these fakes, reading the stream `events` gives. */
  const inject = (events: Pick<LiveEvents, 'events' | 'connected' | 'resync'>) => {
    TestBed.configureTestingModule({
      providers: [
        { provide: TRPC, useValue: { stats: { overview: { query } } } },
        { provide: LiveEvents, useValue: events },
        { provide: HealthStore, useValue: { monitoringChanged } },
        { provide: MonitorStore, useValue: { changes } },
      ],
    });
    return TestBed.inject(OverviewStore);
  };
  const names = () => store.entries().map((entry) => `${entry.name}:${entry.status}`);

  beforeEach(async () => {
    live = fakeLiveEvents();
    changes = new Subject();
    monitoringChanged = new Subject();
    query = vi.fn(async () =>
      snapshotOf([
        { id: A, name: 'site 10' },
        { id: B, name: 'site 2' },
      ]),
    );
    store = inject(live);
    await vi.waitFor(() => expect(store.loaded()).toBe(true));
  });

  it('loads the fleet in one call, by name naturally', () => {
    expect(query).toHaveBeenCalledTimes(1);
    expect(names()).toEqual(['site 2:up', 'site 10:up']);
  });

  it('patches one entry per live check and state change, never refetching the fleet', () => {
    const before = store.entries()[0];
    live.events.next({
      type: 'check.result',
      result: aCheckResult({ monitorId: A, checkedAt: new Date(), ok: false, verdict: 'down', errorMessage: 'HTTP 500' }),
    });
    live.events.next({ type: 'monitor.state', state: monitorStateOf(aMonitor({ id: A, status: 'down', lastError: 'HTTP 500' })) });
    expect(names()).toEqual(['site 2:up', 'site 10:down']);
    expect(store.entries()[1]).toMatchObject({ lastError: 'HTTP 500' });
    expect(store.entries()[1]?.bar.states.at(-1)).toBe('d');
    expect(store.entries()[0]).toBe(before);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('adds a created monitor in name order and drops a deleted one', () => {
    live.events.next({ type: 'monitor.status', monitor: aMonitor({ id: C, name: 'site 3', status: 'pending' }) });
    live.events.next({ type: 'monitor.deleted', monitorId: B });
    expect(names()).toEqual(['site 3:pending', 'site 10:up']);
  });

  it("follows this tab's own changes at once, keeping a known entry's bar and uptime", () => {
    const bar = store.entries()[1]?.bar;
    changes.next({ kept: aMonitor({ id: A, name: 'site 10', paused: true, status: 'paused' }) });
    expect(store.entries()[1]).toMatchObject({ paused: true, status: 'paused', uptime24h: 99.5 });
    expect(store.entries()[1]?.bar).toBe(bar);
    changes.next({ deletedId: A });
    expect(names()).toEqual(['site 2:up']);
  });

  it('does not revive a deleted monitor from a late event', () => {
    live.events.next({ type: 'monitor.deleted', monitorId: A });
    live.events.next({ type: 'monitor.status', monitor: aMonitor({ id: A, name: 'site 10', status: 'down' }) });
    expect(names()).toEqual(['site 2:up']);
  });

  it('keeps what changed here while a refetch was in flight', async () => {
    let answer: (wire: OverviewWire) => void = () => undefined;
    query.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    live.connected.next();
    live.events.next({ type: 'monitor.state', state: monitorStateOf(aMonitor({ id: A, status: 'down' })) });
    live.events.next({ type: 'monitor.status', monitor: aMonitor({ id: C, name: 'site 1', status: 'pending' }) });
    answer(snapshotOf([{ id: A, name: 'site 10' }]));
    await vi.waitFor(() => expect(names()).toEqual(['site 1:pending', 'site 10:down']));
  });

  it('replays on a snapshot in flight the live news of a monitor it reads as older (created just before)', async () => {
    let answer: (wire: OverviewWire) => void = () => undefined;
    query.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    live.connected.next();
    live.events.next({ type: 'check.result', result: aCheckResult({ monitorId: C, checkedAt: new Date(), verdict: 'up' }) });
    live.events.next({ type: 'monitor.state', state: monitorStateOf(aMonitor({ id: C, status: 'up', lastCheckedAt: new Date() })) });
    answer(snapshotOf([{ id: C, name: 'site 3', status: 'pending' }]));
    await vi.waitFor(() => expect(names()).toEqual(['site 3:up']));
    expect(store.entries()[0]?.bar.states.at(-1)).toBe('u');
  });

  it('refetches on reconnect and when the health poll sees the overdue count move', async () => {
    live.connected.next();
    monitoringChanged.next();
    await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(3));
  });

  it('draws from a snapshot prefetched while the page booted, then loads again once the stream is open', async () => {
    TestBed.resetTestingModule();
    let answerEarly: (wire: OverviewWire) => void = () => undefined;
    const early = new Promise<OverviewWire>((resolve) => (answerEarly = resolve));
    const prefetch = vi.fn(() => early);
    prefetchOverview(prefetch);
    const opened = fakeLiveEvents();
    opened.connection.set('connecting');
    const connecting = { ...opened, resync: opened.connected.asObservable() };
    query.mockClear();
    const prefetched = inject(connecting);
    answerEarly(snapshotOf([{ id: C, name: 'early' }]));
    await vi.waitFor(() => expect(prefetched.entries().map((entry) => entry.name)).toEqual(['early']));
    expect(query).not.toHaveBeenCalled();
    connecting.connected.next();
    await vi.waitFor(() => expect(prefetched.entries().map((entry) => entry.name)).toEqual(['site 2', 'site 10']));
    expect(prefetch).toHaveBeenCalledTimes(1);
  });

  it('refetches on opening the overview only when its data is stale', () => {
    store.refreshIfStale();
    expect(query).toHaveBeenCalledTimes(1);
  });
});
