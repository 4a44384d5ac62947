import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Health } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';

/** About one watchdog sweep: asking more often would rarely show anything new. */
export const HEALTH_POLL_MS = 15_000;

/**
 * `system.health`, asked every 15 s and on every (re)connection. A failed ask keeps the last answer:
 * the live-connection indicator already says when the server is out of reach.
 */
@Injectable({ providedIn: 'root' })
export class HealthStore {
  private readonly trpc = inject(TRPC);
  private readonly monitoringChangedSubject = new Subject<void>();
  /** Answers can overtake each other on a slow server; only the latest ask's answer counts. */
  private asked = 0;

  readonly health = signal<Health | null>(null);
  /**
   * Fires when the count of overdue monitors or the verdict moved: monitor copies may have turned stale or
   * fresh without a live event reaching us, so readers of monitors refetch.
   */
  readonly monitoringChanged = this.monitoringChangedSubject.asObservable();

  constructor() {
    inject(LiveEvents)
      .connected.pipe(takeUntilDestroyed())
      .subscribe(() => void this.refresh());
    const timer = setInterval(() => void this.refresh(), HEALTH_POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const ask = ++this.asked;
    let next: Health;
    try {
      next = await this.trpc.system.health.query();
    } catch {
      return;
    }
    if (ask !== this.asked) return;
    const before = this.health()?.monitoring;
    this.health.set(next);
    if (before && (before.ok !== next.monitoring.ok || before.overdue !== next.monitoring.overdue)) this.monitoringChangedSubject.next();
  }
}
