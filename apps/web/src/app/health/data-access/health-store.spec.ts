import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Health } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { aHealth } from './health-fixtures';
import { HEALTH_POLL_MS, HealthStore } from './health-store';

describe('HealthStore', () => {
  let connected: Subject<void>;
  let query: ReturnType<typeof vi.fn<() => Promise<Health>>>;
  let store: HealthStore;
  let changes: number;

  beforeEach(async () => {
    vi.useFakeTimers();
    connected = new Subject();
    query = vi.fn<() => Promise<Health>>().mockResolvedValue(aHealth());
    TestBed.configureTestingModule({
      providers: [
        { provide: TRPC, useValue: { system: { health: { query } } } },
        { provide: LiveEvents, useValue: { events: new Subject(), connected, connection: signal('live') } },
      ],
    });
    store = TestBed.inject(HealthStore);
    changes = 0;
    store.monitoringChanged.subscribe(() => changes++);
    await vi.advanceTimersByTimeAsync(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks at once, then every 15 s', async () => {
    expect(query).toHaveBeenCalledTimes(1);
    expect(store.health()?.monitoring.ok).toBe(true);
    query.mockResolvedValue(aHealth({ ok: false, overdue: 12 }));
    await vi.advanceTimersByTimeAsync(HEALTH_POLL_MS);
    expect(query).toHaveBeenCalledTimes(2);
    expect(store.health()?.monitoring).toMatchObject({ ok: false, overdue: 12 });
  });

  it('asks again on reconnect', async () => {
    connected.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('keeps the last answer when an ask fails', async () => {
    query.mockRejectedValue(new Error('fetch failed'));
    await store.refresh();
    expect(store.health()?.monitoring.ok).toBe(true);
  });

  it('lets only the latest ask win when answers overtake each other', async () => {
    let answerSlow: (health: Health) => void = () => undefined;
    query.mockReturnValueOnce(new Promise((resolve) => (answerSlow = resolve)));
    query.mockResolvedValueOnce(aHealth({ ok: false, overdue: 3 }));
    const slow = store.refresh();
    await store.refresh();
    answerSlow(aHealth());
    await slow;
    expect(store.health()?.monitoring.overdue).toBe(3);
  });

  it('says when the overdue count or the verdict moved, and only then', async () => {
    await store.refresh();
    expect(changes).toBe(0);
    query.mockResolvedValue(aHealth({ ok: true, overdue: 2 }));
    await store.refresh();
    expect(changes).toBe(1);
    query.mockResolvedValue(aHealth({ ok: false, overdue: 2 }));
    await store.refresh();
    await store.refresh();
    expect(changes).toBe(2);
  });
});
