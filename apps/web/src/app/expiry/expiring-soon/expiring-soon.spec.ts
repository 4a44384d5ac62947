import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ExpiryItem, LiveEvent } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { CHECKED_AT, MONITOR_ID, aTlsStatus } from '../data-access/expiry-fixtures';
import { ExpiringSoon, parseWithin } from './expiring-soon';

const inDays = (days: number) => new Date(CHECKED_AT.getTime() + days * 86_400_000);
const CERTIFICATE: ExpiryItem = {
  kind: 'tls',
  monitorId: MONITOR_ID,
  monitorName: 'Shop',
  url: 'https://shop.example.com',
  subject: 'shop.example.com',
  address: '203.0.113.10',
  expiresAt: inDays(10),
  daysRemaining: 10,
  state: 'expiring',
  fingerprintSha256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
};
const REGISTRATION: ExpiryItem = {
  kind: 'domain',
  monitorId: MONITOR_ID,
  monitorName: 'Shop',
  url: 'https://shop.example.com',
  subject: 'example.com',
  expiresAt: inDays(40),
  daysRemaining: 40,
  state: 'ok',
  registrar: 'Example Registrar, Inc.',
};

describe('parseWithin', () => {
  it.each([
    ['7', 7],
    ['90', 90],
    [undefined, 30],
    ['31', 30],
    ['abc', 30],
  ] as const)('%s -> %s', (value, expected) => {
    expect(parseWithin(value)).toBe(expected);
  });
});

describe('ExpiringSoon', () => {
  let events: Subject<LiveEvent>;
  let upcoming: ReturnType<typeof vi.fn<(input: { withinDays: number }) => Promise<ExpiryItem[]>>>;

  beforeEach(() => {
    events = new Subject();
    upcoming = vi.fn(async ({ withinDays }: { withinDays: number }) => (withinDays >= 40 ? [CERTIFICATE, REGISTRATION] : [CERTIFICATE]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: TRPC, useValue: { expiry: { upcoming: { query: upcoming } } } },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
  });

  afterEach(() => vi.useRealTimers());

  async function render(within?: string) {
    const fixture = TestBed.createComponent(ExpiringSoon);
    if (within) fixture.componentRef.setInput('within', within);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const rows = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLElement>('[data-testid="expiry-row"]')].map((row) => ({
      kind: row.getAttribute('data-kind'),
      left: row.querySelector('[data-testid="expiry-days-left"]')?.textContent?.trim(),
      subject: row.querySelector('[data-testid="expiry-subject"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    }));

  it('lists what ends within 30 days by default', async () => {
    const fixture = await render();
    expect(upcoming).toHaveBeenCalledWith({ withinDays: 30 });
    expect(rows(fixture.nativeElement)).toEqual([{ kind: 'tls', left: '10 days left', subject: 'shop.example.com at 203.0.113.10' }]);
  });

  it('asks for the window of the query parameter', async () => {
    const fixture = await render('90');
    expect(upcoming).toHaveBeenLastCalledWith({ withinDays: 90 });
    expect(rows(fixture.nativeElement).map((row) => row.kind)).toEqual(['tls', 'domain']);
  });

  it('says so when nothing ends in the window', async () => {
    upcoming.mockResolvedValue([]);
    const fixture = await render('7');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="nothing-expiring"]')?.textContent).toContain('7 days');
  });

  it('reloads once after a burst of certificate and domain results', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await render();
    upcoming.mockClear();
    events.next({ type: 'tls.status', status: aTlsStatus() });
    events.next({ type: 'tls.status', status: aTlsStatus() });
    expect(upcoming).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(upcoming).toHaveBeenCalledTimes(1);
  });
});
