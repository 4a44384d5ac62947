import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CheckResult, Incident, MonitorStats } from '@mini-netumo/contracts';
import { incidentOrder, upsertIncident } from '../../incidents/incident-order';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';

/** The windows the response-time chart switches between. */
export const CHART_WINDOWS = ['24h', '7d', '30d'] as const;
export type ChartWindow = (typeof CHART_WINDOWS)[number];
export const WINDOW_MS: Record<ChartWindow, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

export type ExportKind = 'results' | 'hourly' | 'daily';

/** Rows per page of the checks table. */
export const PAGE_SIZE = 20;
/** Checks the timing breakdown shows. */
export const RECENT_CHECKS = 60;
/** A burst of checks (retries, "check now") becomes one statistics reload. */
const STATS_RELOAD_DELAY_MS = 1_500;

export interface ResultsPage {
  items: readonly CheckResult[];
  /** 0 is the newest page. */
  index: number;
  nextCursor: string | null;
}

/**
 * The history of the monitor on screen: statistics for the chosen window, recent checks, a paged
 * checks table and incidents, kept current by live events. One per detail page (component-provided).
 */
@Injectable()
export class MonitorHistory {
  private readonly trpc = inject(TRPC);
  private monitorId: string | null = null;
  /** The cursor that fetched each page; page 0 has none. */
  private cursors: (string | undefined)[] = [undefined];
  private statsRequest = 0;
  private statsTimer: ReturnType<typeof setTimeout> | null = null;

  readonly window = signal<ChartWindow>('24h');
  readonly stats = signal<MonitorStats | null>(null);
  readonly statsLoading = signal(false);
  /** Newest first, for the timing breakdown. */
  readonly recent = signal<readonly CheckResult[] | null>(null);
  readonly page = signal<ResultsPage | null>(null);
  readonly pageLoading = signal(false);
  readonly incidents = signal<readonly Incident[] | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    const live = inject(LiveEvents);
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'check.result' && event.result.monitorId === this.monitorId) this.addResult(event.result);
      if (event.type === 'incident' && event.incident.monitorId === this.monitorId) {
        const incident = event.incident;
        this.incidents.update((list) => (list ? upsertIncident(list, incident) : list));
      }
    });
    inject(DestroyRef).onDestroy(() => this.statsTimer && clearTimeout(this.statsTimer));
  }

  /** Shows another monitor: everything of the previous one goes at once, so nothing mixes. */
  open(monitorId: string): void {
    this.monitorId = monitorId;
    this.stats.set(null);
    this.recent.set(null);
    this.page.set(null);
    this.incidents.set(null);
    this.reload();
  }

  setWindow(window: ChartWindow): void {
    if (window === this.window()) return;
    this.window.set(window);
    void this.loadStats();
  }

  nextPage(): void {
    const page = this.page();
    if (!page?.nextCursor || this.pageLoading()) return;
    this.cursors[page.index + 1] = page.nextCursor;
    void this.loadPage(page.index + 1);
  }

  previousPage(): void {
    const page = this.page();
    if (!page || page.index === 0 || this.pageLoading()) return;
    void this.loadPage(page.index - 1);
  }

  /** CSV of the chosen window, ending now. */
  async exportCsv(what: ExportKind): Promise<string> {
    const monitorId = this.requireId();
    const to = new Date();
    const from = new Date(to.getTime() - WINDOW_MS[this.window()]);
    const { csv } = await this.trpc.stats.export.query({ monitorId, what, from, to });
    return csv;
  }

  private reload(): void {
    if (!this.monitorId) return;
    void this.loadStats();
    void this.loadRecent();
    void this.loadPage(this.page()?.index ?? 0);
    void this.loadIncidents();
  }

  private async loadStats(): Promise<void> {
    const monitorId = this.requireId();
    const request = ++this.statsRequest;
    this.statsLoading.set(true);
    await this.guard(monitorId, async () => {
      const stats = await this.trpc.stats.monitor.query({ monitorId, window: this.window() });
      // A window switch or a newer reload may have overtaken this one.
      return () => {
        if (request === this.statsRequest) this.stats.set(stats);
      };
    });
    if (request === this.statsRequest) this.statsLoading.set(false);
  }

  private async loadRecent(): Promise<void> {
    const monitorId = this.requireId();
    await this.guard(monitorId, async () => {
      const { items } = await this.trpc.results.list.query({ monitorId, limit: RECENT_CHECKS });
      return () => this.recent.set(items);
    });
  }

  private async loadPage(index: number): Promise<void> {
    const monitorId = this.requireId();
    this.pageLoading.set(true);
    await this.guard(monitorId, async () => {
      const { items, nextCursor } = await this.trpc.results.list.query({ monitorId, limit: PAGE_SIZE, cursor: this.cursors[index] });
      return () => this.page.set({ items, index, nextCursor });
    });
    this.pageLoading.set(false);
  }

  private async loadIncidents(): Promise<void> {
    const monitorId = this.requireId();
    await this.guard(monitorId, async () => {
      const list = await this.trpc.incidents.list.query({ monitorId });
      return () => this.incidents.set([...list].sort(incidentOrder));
    });
  }

  /** Runs a load; applies its result only if the page still shows that monitor, and reports failures. */
  private async guard(monitorId: string, load: () => Promise<(() => void) | void>): Promise<void> {
    try {
      const apply = await load();
      if (monitorId !== this.monitorId) return;
      apply?.();
      this.error.set(null);
    } catch (error) {
      if (monitorId === this.monitorId) this.error.set(messageOf(error));
    }
  }

  private addResult(result: CheckResult): void {
    const prepend = (list: readonly CheckResult[]) => [result, ...list.filter((r) => r.id !== result.id)];
    this.recent.update((list) => (list ? prepend(list).slice(0, RECENT_CHECKS) : list));
    const page = this.page();
    if (page?.index === 0) {
      // Trimming would strand a row between pages (the next cursor points past the old last row),
      // so the first page grows, and is fetched afresh once it holds two pages' worth.
      if (page.items.length >= 2 * PAGE_SIZE) void this.loadPage(0);
      else this.page.set({ ...page, items: prepend(page.items) });
    }
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      void this.loadStats();
    }, STATS_RELOAD_DELAY_MS);
  }

  private requireId(): string {
    if (!this.monitorId) throw new Error('MonitorHistory: open(monitorId) first');
    return this.monitorId;
  }
}
