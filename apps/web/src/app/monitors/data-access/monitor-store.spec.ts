import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { monitorStateOf, type LiveEvent, type Monitor, type MonitorOf } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HealthStore } from '../../health/data-access/health-store';
import { LiveEvents } from '../../live/live-events';
import { fakeLiveEvents } from '../../live/live-events-fake';
import { TRPC } from '../../trpc/trpc';
import { aCheckResult, aMonitor } from './monitor-fixtures';
import { MonitorStore } from './monitor-store';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second));
const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';

const monitor = (id: string, name: string, overrides: Partial<MonitorOf<'http'>> = {}): Monitor => aMonitor({ id, name, ...overrides });

describe('MonitorStore', () => {
  let events: Subject<LiveEvent>;
  let connected: Subject<void>;
  let monitoringChanged: Subject<void>;
  let list: ReturnType<typeof vi.fn<() => Promise<Monitor[]>>>;
  const get = vi.fn(async ({ id }: { id: string }) => {
    if (id === ID_B) return monitor(ID_B, 'Beta');
    throw Object.assign(new Error('monitor not found'), { data: { code: 'NOT_FOUND' } });
  });
  const pause = vi.fn(async ({ id }: { id: string }) => monitor(id, 'Alpha', { paused: true, status: 'paused', updatedAt: at(50) }));
  let store: MonitorStore;

  const settle = () => vi.waitFor(() => expect(store.loaded()).toBe(true));
  const statuses = () => store.monitors().map((m) => `${m.name}:${m.status}`);

  beforeEach(async () => {
    const live = fakeLiveEvents();
    ({ events, connected } = live);
    monitoringChanged = new Subject();
    list = vi.fn<() => Promise<Monitor[]>>().mockResolvedValue([monitor(ID_B, 'Beta'), monitor(ID_A, 'Alpha')]);
    TestBed.configureTestingModule({
      providers: [
        { provide: TRPC, useValue: { monitors: { list: { query: list }, get: { query: get }, pause: { mutate: pause } } } },
        { provide: LiveEvents, useValue: live },
        { provide: HealthStore, useValue: { monitoringChanged } },
      ],
    });
    store = TestBed.inject(MonitorStore);
    expect(list).not.toHaveBeenCalled();
    store.load();
    store.load();
    await settle();
  });

  it('loads nothing until a page asks, then once', () => {
    expect(list).toHaveBeenCalledTimes(1);
  });

  it("tells other views of this tab's own changes", async () => {
    const changes: unknown[] = [];
    store.changes.subscribe((change) => changes.push(change));
    await store.pause(ID_A);
    expect(changes).toEqual([{ kept: expect.objectContaining({ id: ID_A, paused: true }) }]);
    expect(statuses()).toEqual(['Alpha:paused', 'Beta:pending']);
  });

  it('loads the list, sorted by name', () => {
    expect(statuses()).toEqual(['Alpha:pending', 'Beta:pending']);
  });

  it('replaces a monitor by id on monitor.status and removes it on monitor.deleted', () => {
    events.next({ type: 'monitor.status', monitor: monitor(ID_A, 'Alpha', { status: 'up', lastCheckedAt: at(5) }) });
    expect(statuses()).toEqual(['Alpha:up', 'Beta:pending']);

    events.next({ type: 'monitor.deleted', monitorId: ID_B });
    expect(statuses()).toEqual(['Alpha:up']);
  });

  it('patches the state a check moved into the monitor it holds, keeping its configuration; ignores an unknown id', () => {
    const state = monitorStateOf(monitor(ID_B, 'Renamed', { status: 'down', lastCheckedAt: at(9), lastError: 'HTTP 500' }));
    events.next({ type: 'monitor.state', state });
    expect(statuses()).toEqual(['Alpha:pending', 'Beta:down']);
    expect(store.monitors()[1]).toMatchObject({ name: 'Beta', lastCheckedAt: at(9), lastError: 'HTTP 500' });
    events.next({ type: 'monitor.state', state: { ...state, id: '00000000-0000-4000-8000-0000000000ff' } });
    expect(store.monitors()).toHaveLength(2);
  });

  it('does not revive a deleted monitor from a late status event', () => {
    events.next({ type: 'monitor.deleted', monitorId: ID_B });
    events.next({ type: 'monitor.status', monitor: monitor(ID_B, 'Beta', { status: 'down', lastCheckedAt: at(9) }) });
    expect(statuses()).toEqual(['Alpha:pending']);
  });

  it('shows a check result as the last check before the status event arrives', () => {
    events.next({
      type: 'check.result',
      result: aCheckResult({ monitorId: ID_A, checkedAt: at(7), latencyMs: 12 }),
    });
    expect(store.monitors()[0]).toMatchObject({ name: 'Alpha', lastCheckedAt: at(7), lastLatencyMs: 12 });
  });

  it('refetches on reconnect, since events sent while away are lost', async () => {
    list.mockResolvedValueOnce([monitor(ID_A, 'Alpha', { status: 'down', lastCheckedAt: at(30) })]);
    connected.next();
    await vi.waitFor(() => expect(statuses()).toEqual(['Alpha:down']));
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('shows a monitor turning stale from its monitor.status event, and fresh again with its next check', () => {
    const stale = { since: at(40), reason: 'no worker is running' };
    events.next({ type: 'monitor.status', monitor: monitor(ID_A, 'Alpha', { status: 'up', lastCheckedAt: at(5) }) });
    events.next({ type: 'monitor.status', monitor: monitor(ID_A, 'Alpha', { status: 'up', lastCheckedAt: at(5), stale }) });
    expect(store.monitors()[0]).toMatchObject({ status: 'up', stale });

    events.next({ type: 'check.result', result: aCheckResult({ monitorId: ID_A, checkedAt: at(45) }) });
    expect(store.monitors()[0]?.stale).toBeNull();
  });

  it('refetches when the health poll sees the overdue count move, since no event may tell', async () => {
    const stale = { since: at(40), reason: 'no worker is running' };
    list.mockResolvedValueOnce([monitor(ID_A, 'Alpha', { stale }), monitor(ID_B, 'Beta')]);
    monitoringChanged.next();
    await vi.waitFor(() => expect(store.monitors()[0]?.stale).toEqual(stale));
    expect(list).toHaveBeenCalledTimes(2);
  });
});

describe('MonitorStore, one monitor at a time', () => {
  let live: ReturnType<typeof fakeLiveEvents>;
  let list: ReturnType<typeof vi.fn>;
  let get: ReturnType<typeof vi.fn>;
  let store: MonitorStore;

  beforeEach(() => {
    live = fakeLiveEvents();
    list = vi.fn(async () => []);
    get = vi.fn(async ({ id }: { id: string }) => {
      if (id === ID_A) return monitor(ID_A, 'Alpha');
      throw Object.assign(new Error('monitor not found'), { data: { code: 'NOT_FOUND' } });
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: TRPC, useValue: { monitors: { list: { query: list }, get: { query: get } } } },
        { provide: LiveEvents, useValue: live },
        { provide: HealthStore, useValue: { monitoringChanged: new Subject<void>() } },
      ],
    });
    store = TestBed.inject(MonitorStore);
  });

  it('loads the one monitor a page opens, never the fleet, and keeps it current', async () => {
    const id = signal(ID_A);
    const settled = store.isSettled(id);
    store.open(ID_A);
    store.open(ID_A);
    await vi.waitFor(() => expect(settled()).toBe(true));
    expect(store.monitor(id)()).toMatchObject({ name: 'Alpha' });
    live.events.next({ type: 'monitor.state', state: monitorStateOf(monitor(ID_A, 'Alpha', { status: 'down', lastCheckedAt: at(9) })) });
    live.events.next({ type: 'monitor.status', monitor: monitor(ID_B, 'Beta', { status: 'up' }) });
    expect(store.monitors().map((m) => `${m.name}:${m.status}`)).toEqual(['Alpha:down']);
    expect(get).toHaveBeenCalledTimes(1);
    expect(list).not.toHaveBeenCalled();
  });

  it('settles on a monitor the server does not have, so the page can say so', async () => {
    const id = signal(ID_B);
    const settled = store.isSettled(id);
    store.open(ID_B);
    await vi.waitFor(() => expect(settled()).toBe(true));
    expect(store.monitor(id)()).toBeUndefined();
    expect(store.loadError()).toBeNull();
  });

  it('asks for the opened monitors again when the stream reconnects', async () => {
    store.open(ID_A);
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    live.connected.next();
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    expect(list).not.toHaveBeenCalled();
  });
});
