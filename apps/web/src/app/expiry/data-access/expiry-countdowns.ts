import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { debounceTime, filter } from 'rxjs';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import type { ExpiryState } from '../expiry-tone';

export interface Countdown {
  days: number | null;
  state: ExpiryState | null;
}

export interface MonitorCountdowns {
  tls: Countdown | null;
  domain: Countdown | null;
}

/** Everything further away than this is not a countdown anyone acts on; it still reads as green. */
const HORIZON_DAYS = 3650;

/**
 * Days left of every monitor's certificate and domain, for the overview's column: one `expiry.upcoming`
 * call for the whole fleet, refreshed (debounced) when a certificate or domain status changes.
 * Monitors it does not list (no date known yet) show a grey dash, never a healthy countdown.
 */
@Injectable({ providedIn: 'root' })
export class ExpiryCountdowns {
  private readonly trpc = inject(TRPC);
  readonly byMonitor = signal<ReadonlyMap<string, MonitorCountdowns>>(new Map());
  private wanted = false;

  /** The first call loads; the overview makes it once its rows are drawn, so the column never delays them. */
  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    void this.load();
  }

  constructor() {
    const live = inject(LiveEvents);
    live.resync.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.wanted) void this.load();
    });
    live.events
      .pipe(
        filter((event) => this.wanted && (event.type === 'tls.status' || event.type === 'domain.status')),
        debounceTime(2_000),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.load());
  }

  private async load(): Promise<void> {
    try {
      const items = await this.trpc.expiry.upcoming.query({ withinDays: HORIZON_DAYS });
      this.byMonitor.set(countdownsByMonitor(items));
    } catch {
      // The column is a convenience; the panels and the Expiring soon page report their own errors.
    }
  }
}

/** The soonest certificate (over all addresses) and the domain of each monitor. */
export function countdownsByMonitor(
  items: readonly { kind: 'tls' | 'domain'; monitorId: string; daysRemaining: number | null; state: ExpiryState | null }[],
): Map<string, MonitorCountdowns> {
  const map = new Map<string, MonitorCountdowns>();
  for (const item of items) {
    const entry = map.get(item.monitorId) ?? { tls: null, domain: null };
    const current = entry[item.kind];
    if (!current || (item.daysRemaining ?? Infinity) < (current.days ?? Infinity)) {
      entry[item.kind] = { days: item.daysRemaining, state: item.state };
    }
    map.set(item.monitorId, entry);
  }
  return map;
}
