import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { HeartbeatPing, Monitor } from '@mini-netumo/contracts';
import { debounceTime, filter } from 'rxjs';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';

/** Rows per page of the ping log. */
export const PING_PAGE_SIZE = 50;
/** A burst of pings becomes one reload of the log. */
const RELOAD_DELAY_MS = 1_000;

export interface PingPage {
  pings: readonly HeartbeatPing[];
  /** 0 is the newest page. */
  index: number;
  /** `before` of the next (older) page; null on the last. */
  nextBefore: number | null;
}

const pingUrlOf = (monitor: Monitor): string | null => (monitor.kind === 'heartbeat' ? (monitor.pingUrl ?? null) : null);

/**
 * The heartbeat on screen: its ping URL (a secret only monitors.get gives, never lists or live events) and its
 * ping log, paged by `before`. One per heartbeat view (component-provided).
 */
@Injectable()
export class HeartbeatStore {
  private readonly trpc = inject(TRPC);
  private monitorId: string | null = null;
  /** The `before` that fetched each page; page 0 has none. */
  private befores: (number | undefined)[] = [undefined];

  readonly pingUrl = signal<string | null>(null);
  readonly page = signal<PingPage | null>(null);
  readonly pageLoading = signal(false);
  /** The newest page's pings, whichever page the table shows: what recent run durations are read from. */
  readonly recent = signal<readonly HeartbeatPing[] | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    const live = inject(LiveEvents);
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    // Every ping (and every passed deadline) of this heartbeat sends a heartbeat.ping event.
    live.events
      .pipe(
        filter((event) => event.type === 'heartbeat.ping' && event.monitorId === this.monitorId),
        debounceTime(RELOAD_DELAY_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if ((this.page()?.index ?? 0) === 0) void this.loadPage(0);
      });
  }

  /** Shows another heartbeat: nothing of the previous one stays on screen. */
  open(monitorId: string): void {
    this.monitorId = monitorId;
    this.befores = [undefined];
    this.pingUrl.set(null);
    this.page.set(null);
    this.recent.set(null);
    this.error.set(null);
    this.reload();
  }

  older(): void {
    const page = this.page();
    if (!page || page.nextBefore === null || this.pageLoading()) return;
    this.befores[page.index + 1] = page.nextBefore;
    void this.loadPage(page.index + 1);
  }

  newer(): void {
    const page = this.page();
    if (!page || page.index === 0 || this.pageLoading()) return;
    void this.loadPage(page.index - 1);
  }

  /** A new ping key: the old URL stops working at once. Throws what the api says, for the caller to show. */
  async rotateKey(): Promise<void> {
    const monitorId = this.requireId();
    const monitor = await this.trpc.monitors.rotatePingKey.mutate({ id: monitorId });
    if (monitorId === this.monitorId) this.pingUrl.set(pingUrlOf(monitor));
  }

  private reload(): void {
    if (!this.monitorId) return;
    void this.loadPingUrl();
    void this.loadPage(this.page()?.index ?? 0);
  }

  private async loadPingUrl(): Promise<void> {
    const monitorId = this.requireId();
    await this.guard(monitorId, async () => {
      const monitor = await this.trpc.monitors.get.query({ id: monitorId });
      return () => this.pingUrl.set(pingUrlOf(monitor));
    });
  }

  private async loadPage(index: number): Promise<void> {
    const monitorId = this.requireId();
    this.pageLoading.set(true);
    await this.guard(monitorId, async () => {
      const { pings, nextBefore } = await this.trpc.monitors.pings.query({ monitorId, limit: PING_PAGE_SIZE, before: this.befores[index] });
      return () => {
        this.page.set({ pings, index, nextBefore });
        if (index === 0) this.recent.set(pings);
      };
    });
    this.pageLoading.set(false);
  }

  /** Runs a load; applies its result only if the view still shows that heartbeat, and reports failures. */
  private async guard(monitorId: string, load: () => Promise<() => void>): Promise<void> {
    try {
      const apply = await load();
      if (monitorId !== this.monitorId) return;
      apply();
      this.error.set(null);
    } catch (error) {
      if (monitorId === this.monitorId) this.error.set(messageOf(error));
    }
  }

  private requireId(): string {
    if (!this.monitorId) throw new Error('HeartbeatStore: open(monitorId) first');
    return this.monitorId;
  }
}
