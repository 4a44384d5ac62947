import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { LiveEvent } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { MONITOR_ID, NOT_CHECKED_TLS, UNKNOWN_DOMAIN, aTlsAddress, aTlsStatus } from '../data-access/expiry-fixtures';
import { MonitorExpiry, queuedText } from './monitor-expiry';

describe('MonitorExpiry', () => {
  let events: Subject<LiveEvent>;
  let checkExpiryNow: ReturnType<typeof vi.fn>;
  let tlsGet: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    events = new Subject();
    checkExpiryNow = vi.fn(async () => ({ queued: ['tls', 'domain'] }));
    tlsGet = vi.fn(async () => NOT_CHECKED_TLS);
    TestBed.configureTestingModule({
      providers: [
        {
          provide: TRPC,
          useValue: {
            tls: { get: { query: tlsGet } },
            domains: { get: { query: vi.fn(async () => UNKNOWN_DOMAIN) } },
            monitors: { checkExpiryNow: { mutate: checkExpiryNow } },
          },
        },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(MonitorExpiry);
    fixture.componentRef.setInput('monitorId', MONITOR_ID);
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="domain-panel"]')).not.toBeNull();
    });
    return fixture;
  }

  const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  it('shows both panels, and a certificate result as it arrives', async () => {
    const fixture = await render();
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root, 'tls-state')).toBe('not checked');
    expect(text(root, 'domain-state')).toBe('unknown');

    events.next({
      type: 'tls.status',
      status: aTlsStatus({ state: 'expiring', daysRemaining: 10, addresses: [aTlsAddress({ state: 'expiring', daysRemaining: 10 })] }),
    });
    await fixture.whenStable();
    expect(text(root, 'tls-days-left')).toBe('10 days left');
  });

  it('shows no certificate panel when the api has no certificate lane for the monitor', async () => {
    tlsGet.mockResolvedValueOnce(null);
    const root = (await render()).nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="tls-panel"]')).toBeNull();
    expect(text(root, 'domain-state')).toBe('unknown');
  });

  it('"Check now" queues a check of both lanes', async () => {
    const fixture = await render();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="check-expiry-now"]')?.click();
    await fixture.whenStable();
    expect(checkExpiryNow).toHaveBeenCalledWith({ id: MONITOR_ID });
  });
});

describe('queuedText', () => {
  it.each([
    [['tls', 'domain'], 'Certificate and domain check queued'],
    [['tls'], 'Certificate check queued'],
    [['domain'], 'Domain check queued'],
    [[], 'Nothing to check: this monitor has no certificate and no registrable domain'],
  ] as const)('%j -> %s', (queued, text) => {
    expect(queuedText(queued)).toBe(text);
  });
});
