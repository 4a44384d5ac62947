import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { decodeOverview, fromOverviewWire, type CheckResult, type MonitorSummary } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { emptySparkline, withCheck, type SparkPoint } from './sparkline-merge';

/**
 * The bars move live; uptime percentages come from the server. After checks arrived they are refetched
 * at most this often: one check moves 24 h uptime by 0.3 %, and the reply grows with the fleet.
 */
const REFRESH_MS = 5 * 60_000;
/** Opening the overview refetches when the data is older than this. */
const STALE_MS = 2 * 60_000;

/** What the overview adds to a monitor row: its 24 h bar and uptime. */
export interface OverviewStats {
  uptime24h: number | null;
  uptime7d: number | null;
  uptime30d: number | null;
  sparkline24h: readonly SparkPoint[];
}

/**
 * `stats.overview` for every monitor in one call (columns, decoded here), with live checks painted into the current hour of each
 * bar. Status, latency and names come from MonitorStore, which the live events already keep exact.
 */
@Injectable({ providedIn: 'root' })
export class SummaryStore {
  private readonly trpc = inject(TRPC);
  private readonly byMonitor = signal<ReadonlyMap<string, OverviewStats>>(new Map());
  private fetchedAt = 0;
  /** A check arrived since the last fetch, so the percentages may have moved. */
  private changed = false;

  readonly stats = this.byMonitor.asReadonly();
  readonly loaded = signal(false);
  readonly loadError = signal<string | null>(null);

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'check.result') this.addCheck(event.result);
      else if (event.type === 'monitor.deleted') this.drop(event.monitorId);
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.refresh());
    const timer = setInterval(() => {
      if (this.changed) void this.refresh();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    void this.refresh();
  }

  /** For the overview opening: fresh enough data stays, older is refetched. */
  refreshIfStale(): void {
    if (Date.now() - this.fetchedAt > STALE_MS) void this.refresh();
  }

  async refresh(): Promise<void> {
    this.changed = false;
    this.fetchedAt = Date.now();
    try {
      const summaries = decodeOverview(fromOverviewWire(await this.trpc.stats.overview.query()));
      this.byMonitor.set(new Map(summaries.map((summary) => [summary.monitorId, toOverviewStats(summary)])));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.loaded.set(true);
    }
  }

  private addCheck(result: CheckResult): void {
    this.changed = true;
    this.byMonitor.update((current) => {
      const known = current.get(result.monitorId);
      const bar = known?.sparkline24h ?? emptySparkline(result.checkedAt);
      const next = withCheck(bar, result);
      if (known && next === bar) return current;
      const stats = known ?? { uptime24h: null, uptime7d: null, uptime30d: null, sparkline24h: bar };
      return new Map(current).set(result.monitorId, { ...stats, sparkline24h: next });
    });
  }

  private drop(monitorId: string): void {
    this.byMonitor.update((current) => {
      if (!current.has(monitorId)) return current;
      const next = new Map(current);
      next.delete(monitorId);
      return next;
    });
  }
}

function toOverviewStats(summary: MonitorSummary): OverviewStats {
  const { uptime24h, uptime7d, uptime30d, sparkline24h } = summary;
  return { uptime24h, uptime7d, uptime30d, sparkline24h };
}
