import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { aDnsMonitor, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
import { MonitorStore } from '../data-access/monitor-store';
import { MonitorDetail } from './monitor-detail';

/** Every query the page's history and expiry panels make stays pending: this spec is about the header. */
const pendingTrpc: unknown = new Proxy(() => undefined, {
  get: (_target, key) => (key === 'query' || key === 'mutate' ? () => new Promise(() => undefined) : pendingTrpc),
});

const REASON = 'no check since 14:02:10 (expected every 20 s); schedule re-created';

describe('MonitorDetail: staleness', () => {
  let fixture: ComponentFixture<MonitorDetail>;
  const monitors = signal<readonly Monitor[]>([]);
  const element = () => fixture.nativeElement as HTMLElement;
  const chip = () => element().querySelector('[data-testid="monitor-status"]');
  const staleLine = () => element().querySelector('[data-testid="monitor-stale"]');

  beforeEach(async () => {
    const monitor = aMonitor({ status: 'up', lastCheckedAt: new Date(Date.now() - 10 * 60_000) });
    monitors.set([monitor]);
    TestBed.configureTestingModule({
      imports: [MonitorDetail],
      providers: [
        provideRouter([]),
        { provide: TRPC, useValue: pendingTrpc },
        { provide: LiveEvents, useValue: { events: new Subject(), connected: new Subject(), connection: signal('live') } },
        {
          provide: MonitorStore,
          useValue: { loaded: signal(true), monitor: () => () => monitors().find((each) => each.id === monitor.id) },
        },
      ],
    });
    fixture = TestBed.createComponent(MonitorDetail);
    fixture.componentRef.setInput('id', monitor.id);
    fixture.detectChanges();
    await fixture.whenStable();
  });

  it('shows the last verdict while fresh, with no stale line', () => {
    expect(chip()?.textContent?.trim()).toBe('up');
    expect(staleLine()).toBeNull();
  });

  it('says "stale" in the header and, in words, since when and why, with the last verdict second', async () => {
    monitors.update(([monitor]) => (monitor ? [{ ...monitor, stale: { since: new Date(Date.now() - 5 * 60_000), reason: REASON } }] : []));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(chip()?.textContent?.trim()).toBe('stale');
    expect(chip()?.classList).toContain('tone-stale');
    expect(staleLine()?.getAttribute('role')).toBe('status');
    expect(staleLine()?.textContent?.trim()).toMatch(
      new RegExp(`^Stale since .+ \\(5 min ago\\) — ${REASON.replace(/[()]/g, '\\$&')}; last verdict: up$`),
    );
  });

  it('shows the facts of the monitor’s kind', async () => {
    const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();
    const factsText = () =>
      [...element().querySelectorAll('app-monitor-facts dl > div')].map(
        (fact) => `${text(fact.querySelector('dt'))}: ${text(fact.querySelector('dd'))}`,
      );
    expect(factsText()[0]).toBe('URL: GET https://example.com');

    monitors.set([aTcpMonitor({ tls: true, send: 'QUIT\r\n' })]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(factsText()).toEqual(
      expect.arrayContaining(['Host and port: mail.example.com:25', 'TLS: yes, verified', 'Sends: QUIT\\r\\n', 'Expects: a connection']),
    );

    monitors.set([aDnsMonitor()]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(factsText()).toEqual(
      expect.arrayContaining(['Hostname: example.com', 'Record type: A', 'Resolver: system resolver', 'Expects: any answer']),
    );
  });
});
