import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { aDnsMonitor, aHeartbeat, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
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
          useValue: {
            open: () => undefined,
            isSettled: () => signal(true),
            monitor: () => () => monitors().find((each) => each.id === monitor.id),
          },
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

  const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();
  const factsText = () =>
    [...element().querySelectorAll('app-monitor-facts dl > div')].map(
      (fact) => `${text(fact.querySelector('dt'))}: ${text(fact.querySelector('dd'))}`,
    );

  it('shows the facts of the monitor’s kind', async () => {
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

  it('shows a heartbeat’s schedule and ping times and its ping panel, with no check now, probe settings or expiry panel', async () => {
    const now = Date.now();
    monitors.set([
      aHeartbeat({
        periodSeconds: 300,
        lastPingAt: new Date(now - 120_000),
        expectedAt: new Date(now + 180_000),
        deadlineAt: new Date(now + 480_000),
        runStartedAt: new Date(now - 60_000),
      }),
    ]);
    fixture.detectChanges();
    await fixture.whenStable();

    expect(factsText()).toEqual(
      expect.arrayContaining(['Schedule: every 5m', 'Grace: 5m', 'Last ping: 2 min ago', 'Run in progress: started 1 min ago']),
    );
    expect(factsText()).toContainEqual(expect.stringMatching(/^Deadline: in (7m 5\ds|8m)$/));
    expect(factsText().filter((fact) => /^(Every|Down after|Up after|Last checked):/.test(fact))).toEqual([]);
    expect(element().querySelector('[data-testid="check-now"]')).toBeNull();
    expect(element().querySelector('[data-testid="edit"]')).toBeTruthy();
    expect(element().querySelector('app-monitor-expiry')).toBeNull();
    expect(element().querySelector('app-heartbeat-panel')).toBeTruthy();
    expect(element().querySelector('[data-testid="timing-chart"], #timing-heading')).toBeNull();
  });
});
