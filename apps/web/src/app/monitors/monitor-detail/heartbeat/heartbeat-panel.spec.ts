import { Clipboard } from '@angular/cdk/clipboard';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { HeartbeatPingPage, LiveEvent, Monitor } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../../live/live-events';
import { TRPC } from '../../../trpc/trpc';
import { aHeartbeat, aPing } from '../../data-access/monitor-fixtures';
import { HeartbeatPanel } from './heartbeat-panel';

const OLD_URL = 'https://status.example.com/ping/AAAAAAAAAAAAAAAAAAAAAAAA';
const NEW_URL = 'https://status.example.com/ping/BBBBBBBBBBBBBBBBBBBBBBBB';
const CURL = 'curl -fsS -m 10 --retry 5 -o /dev/null';
const HOSTILE_BODY = '<img src=x onerror="alert(1)"><b>backup done</b>\n{{ 1 + 1 }}';

const heartbeat = aHeartbeat({ periodSeconds: null, cron: '0 2 * * *', timezone: 'Europe/Paris' });
const withUrl = (pingUrl: string): Monitor => ({ ...heartbeat, pingKey: pingUrl.slice(-24), pingUrl });

const NEWEST: HeartbeatPingPage = {
  pings: [
    aPing({ id: 4, kind: 'success', exitStatus: 0, durationMs: 3_000, body: HOSTILE_BODY, bodyTruncated: true, userAgent: 'curl/8.5.0' }),
    aPing({ id: 3, kind: 'start', sourceAddress: null }),
    aPing({ id: 2, kind: 'fail', exitStatus: 2, durationMs: 1_000, method: 'POST' }),
  ],
  nextBefore: 2,
};
const OLDER: HeartbeatPingPage = { pings: [aPing({ id: 1, kind: 'log', body: 'disk 81% full' })], nextBefore: null };

describe('HeartbeatPanel', () => {
  let fixture: ComponentFixture<HeartbeatPanel>;
  let get: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<Monitor>>>;
  let pings: ReturnType<typeof vi.fn<(input: { monitorId: string; limit?: number; before?: number }) => Promise<HeartbeatPingPage>>>;
  let rotatePingKey: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<Monitor>>>;

  const element = () => fixture.nativeElement as HTMLElement;
  const all = (selector: string) => [...element().querySelectorAll<HTMLElement>(selector)];
  const text = (selector: string) => element().querySelector(selector)?.textContent?.trim();
  const button = (testId: string) => element().querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  beforeEach(async () => {
    get = vi.fn(async () => withUrl(OLD_URL));
    pings = vi.fn(async ({ before }) => (before === undefined ? NEWEST : OLDER));
    rotatePingKey = vi.fn(async () => withUrl(NEW_URL));
    TestBed.configureTestingModule({
      imports: [HeartbeatPanel],
      providers: [
        {
          provide: TRPC,
          useValue: { monitors: { get: { query: get }, pings: { query: pings }, rotatePingKey: { mutate: rotatePingKey } } },
        },
        { provide: LiveEvents, useValue: { events: new Subject<LiveEvent>(), connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
    fixture = TestBed.createComponent(HeartbeatPanel);
    fixture.componentRef.setInput('monitor', heartbeat);
    await settle();
  });

  it('shows the ping URL from monitors.get and ready-to-paste lines that use it, on the heartbeat’s own cron', () => {
    expect(get).toHaveBeenCalledWith({ id: heartbeat.id });
    expect(text('[data-testid="ping-url"]')).toBe(OLD_URL);
    expect(all('[data-testid="ping-snippet"] pre').map((pre) => pre.textContent)).toEqual([
      `0 2 * * * /path/to/backup.sh && ${CURL} ${OLD_URL}`,
      `0 2 * * * ${CURL} ${OLD_URL}/start; /path/to/backup.sh; ${CURL} ${OLD_URL}/$?`,
      `ExecStartPost=/usr/bin/${CURL} ${OLD_URL}`,
      `Invoke-RestMethod ${OLD_URL}`,
    ]);
  });

  it('copies the URL', () => {
    const copy = vi.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);
    button('copy-ping-url')?.click();
    expect(copy).toHaveBeenCalledWith(OLD_URL);
  });

  it('lists the newest pings: kind, exit status, source, user agent, run duration', () => {
    expect(pings).toHaveBeenCalledWith({ monitorId: heartbeat.id, limit: 50, before: undefined });
    const rows = all('[data-testid="ping-row"]').map((row) =>
      [...row.querySelectorAll('td')].slice(1, 6).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['success', '0', 'GET from 192.0.2.10', 'curl/8.5.0', '3 s'],
      ['start', '—', 'GET from unknown', 'curl/8.5.0', '—'],
      ['fail', '2', 'POST from 192.0.2.10', 'curl/8.5.0', '1 s'],
    ]);
  });

  it('shows a body as text, never as markup, and marks one that was cut', () => {
    const [body] = all('[data-testid="ping-body"]');
    const pre = body?.querySelector('pre');
    expect(pre?.textContent).toBe(HOSTILE_BODY);
    expect(pre?.querySelector('img, b')).toBeNull();
    expect(body?.querySelector('[data-testid="ping-body-truncated"]')?.textContent?.trim()).toBe('truncated');
  });

  it('pages back through the log with nextBefore, and forward again', async () => {
    expect(button('pings-newer')?.disabled).toBe(true);
    button('pings-older')?.click();
    await settle();
    expect(pings).toHaveBeenLastCalledWith({ monitorId: heartbeat.id, limit: 50, before: 2 });
    expect(all('[data-testid="ping-kind"]').map((kind) => kind.textContent?.trim())).toEqual(['log']);
    expect(button('pings-older')?.disabled).toBe(true);

    button('pings-newer')?.click();
    await settle();
    expect(pings).toHaveBeenLastCalledWith({ monitorId: heartbeat.id, limit: 50, before: undefined });
    expect(all('[data-testid="ping-row"]')).toHaveLength(3);
  });

  it('shows the recent run durations and their median', () => {
    expect(all('[data-testid="run-duration"]').map((run) => run.textContent?.trim())).toEqual(['3 s', '1 s']);
    expect(text('[data-testid="run-median"]')).toBe('2 s');
  });

  /** Clicks "New ping URL" and answers the dialog. */
  async function rotate(confirm: boolean): Promise<void> {
    button('rotate-ping-key')?.click();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await loader.getHarness(MatDialogHarness);
    document
      .querySelector<HTMLButtonElement>(confirm ? '[data-testid="confirm"]' : 'mat-dialog-actions button:not([data-testid])')
      ?.click();
    await vi.waitFor(async () => expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0));
    await settle();
  }

  it('asks before replacing the ping URL, and keeps it when told no', async () => {
    await rotate(false);
    expect(rotatePingKey).not.toHaveBeenCalled();
    expect(text('[data-testid="ping-url"]')).toBe(OLD_URL);
  });

  it('replaces the ping URL on confirm, in the URL and in every snippet', async () => {
    await rotate(true);
    expect(rotatePingKey).toHaveBeenCalledWith({ id: heartbeat.id });
    await vi.waitFor(() => expect(text('[data-testid="ping-url"]')).toBe(NEW_URL));
    expect(all('[data-testid="ping-snippet"] pre').every((pre) => pre.textContent?.includes(NEW_URL))).toBe(true);
  });
});
