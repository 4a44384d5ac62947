import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { DomainStatus, ExpiryCheckQueued, LiveEvent, TlsStatus } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { CHECKED_AT, MONITOR_ID, NOT_CHECKED_TLS, UNKNOWN_DOMAIN, aDomainStatus, aTlsStatus } from './expiry-fixtures';
import { ExpiryStatusStore, fresher } from './expiry-status-store';

const OTHER_ID = '00000000-0000-4000-8000-0000000000e2';
const later = (ms: number) => new Date(CHECKED_AT.getTime() + ms);

describe('ExpiryStatusStore', () => {
  let events: Subject<LiveEvent>;
  let connected: Subject<void>;
  let tlsGet: ReturnType<typeof vi.fn<(input: { monitorId: string }) => Promise<TlsStatus | null>>>;
  let domainGet: ReturnType<typeof vi.fn<(input: { monitorId: string }) => Promise<DomainStatus>>>;
  let checkExpiryNow: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<ExpiryCheckQueued>>>;
  let store: ExpiryStatusStore;

  beforeEach(async () => {
    events = new Subject();
    connected = new Subject();
    tlsGet = vi.fn(async () => NOT_CHECKED_TLS);
    domainGet = vi.fn(async () => UNKNOWN_DOMAIN);
    checkExpiryNow = vi.fn(async (): Promise<ExpiryCheckQueued> => ({ queued: ['tls', 'domain'] }));
    TestBed.configureTestingModule({
      providers: [
        ExpiryStatusStore,
        {
          provide: TRPC,
          useValue: {
            tls: { get: { query: tlsGet } },
            domains: { get: { query: domainGet } },
            monitors: { checkExpiryNow: { mutate: checkExpiryNow } },
          },
        },
        { provide: LiveEvents, useValue: { events, connected, connection: signal('live') } },
      ],
    });
    store = TestBed.inject(ExpiryStatusStore);
    store.open(MONITOR_ID);
    await vi.waitFor(() => expect(store.domain()).not.toBeNull());
  });

  it('loads both lanes of the monitor', () => {
    expect(tlsGet).toHaveBeenCalledWith({ monitorId: MONITOR_ID });
    expect(domainGet).toHaveBeenCalledWith({ monitorId: MONITOR_ID });
    expect(store.tls()?.state).toBeNull();
    expect(store.domain()?.state).toBe('unknown');
  });

  it("takes this monitor's tls.status and domain.status events, and ignores other monitors'", () => {
    events.next({ type: 'tls.status', status: aTlsStatus({ monitorId: OTHER_ID, state: 'expired' }) });
    events.next({ type: 'domain.status', status: aDomainStatus({ monitorId: OTHER_ID, state: 'expired' }) });
    expect(store.tls()?.state).toBeNull();
    expect(store.domain()?.state).toBe('unknown');

    events.next({ type: 'tls.status', status: aTlsStatus({ state: 'expiring', daysRemaining: 10, checkedAt: later(1_000) }) });
    events.next({ type: 'domain.status', status: aDomainStatus({ state: 'ok', daysRemaining: 40, checkedAt: later(1_000) }) });
    expect(store.tls()).toMatchObject({ state: 'expiring', daysRemaining: 10 });
    expect(store.domain()).toMatchObject({ state: 'ok', daysRemaining: 40 });
  });

  it('refetches on reconnect, since events sent while away are lost', async () => {
    tlsGet.mockResolvedValueOnce(aTlsStatus({ state: 'ok', checkedAt: later(5_000) }));
    connected.next();
    await vi.waitFor(() => expect(store.tls()?.state).toBe('ok'));
    expect(tlsGet).toHaveBeenCalledTimes(2);
  });

  it('queues a check of the monitor’s lanes and says which the api queued', async () => {
    expect(await store.checkNow()).toEqual({ queued: ['tls', 'domain'] });
    expect(checkExpiryNow).toHaveBeenCalledWith({ id: MONITOR_ID });
    checkExpiryNow.mockResolvedValueOnce({ queued: [] });
    expect(await store.checkNow()).toEqual({ queued: [] });
  });

  it('keeps no certificate lane for a monitor whose kind has none (tls.get answers null)', async () => {
    tlsGet.mockResolvedValueOnce(null);
    domainGet.mockResolvedValueOnce(aDomainStatus({ monitorId: OTHER_ID, state: 'ok' }));
    store.open(OTHER_ID);
    await vi.waitFor(() => expect(store.domain()?.monitorId).toBe(OTHER_ID));
    expect(store.tls()).toBeNull();
  });

  it('drops a late answer for the monitor shown before', async () => {
    let answerOld: (status: TlsStatus) => void = () => undefined;
    tlsGet.mockImplementationOnce(() => new Promise((resolve) => (answerOld = resolve)));
    store.open(OTHER_ID);
    tlsGet.mockResolvedValueOnce(aTlsStatus({ monitorId: MONITOR_ID, state: 'ok' }));
    store.open(MONITOR_ID);
    await vi.waitFor(() => expect(store.tls()?.monitorId).toBe(MONITOR_ID));
    answerOld(aTlsStatus({ monitorId: OTHER_ID, state: 'expired' }));
    await Promise.resolve();
    expect(store.tls()).toMatchObject({ monitorId: MONITOR_ID, state: 'ok' });
  });
});

describe('fresher', () => {
  const at = (ms: number | null) => ({ checkedAt: ms === null ? null : later(ms), label: String(ms) });

  it.each([
    [null, at(0), '0'],
    [at(0), at(1), '1'],
    [at(1), at(1), '1'],
    [at(2), at(1), '2'],
    [at(2), at(null), '2'],
    [at(null), at(null), 'null'],
  ])('%o then %o keeps %s', (current, next, expected) => {
    expect(fresher(current, next).label).toBe(expected);
  });
});
