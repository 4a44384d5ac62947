import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { CheckResult, Incident } from '@mini-netumo/contracts';
import { IncidentTable } from '../../incidents/incident-table/incident-table';
import { incidentOrder, upsertIncident } from '../../incidents/incident-order';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { StatusChip } from '../../ui/status-chip';
import { messageOf } from '../../trpc/error-message';
import { MonitorStore } from '../data-access/monitor-store';
import { MonitorActions } from '../monitor-actions/monitor-actions';

/** How many recent checks the page keeps; the server caps `limit` at 500. */
const RECENT_CHECKS = 50;

/** One monitor: its state, its recent checks and its incidents, all live. */
@Component({
  selector: 'app-monitor-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    IncidentTable,
    MonitorActions,
    RelativeTimePipe,
    StatusChip,
  ],
  templateUrl: './monitor-detail.html',
  styleUrl: './monitor-detail.scss',
})
export class MonitorDetail {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly trpc = inject(TRPC);
  private readonly router = inject(Router);
  protected readonly store = inject(MonitorStore);
  protected readonly clock = inject(Clock);
  protected readonly monitor = this.store.monitor(this.id);
  protected readonly results = signal<readonly CheckResult[] | null>(null);
  protected readonly incidents = signal<readonly Incident[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly checkColumns = ['time', 'ok', 'statusCode', 'latency', 'error'];
  protected readonly trackById = (_index: number, result: CheckResult): number => result.id;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    // Deleted, here or by someone else: the page has nothing left to show, so go back to the list.
    let seen = false;
    effect(() => {
      if (this.monitor()) seen = true;
      else if (seen) void this.router.navigate(['/']);
    });
    const live = inject(LiveEvents);
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load(this.id()));
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'check.result' && event.result.monitorId === this.id()) {
        const result = event.result;
        this.results.update((list) =>
          list ? [result, ...list.filter((r) => r.id !== result.id)].slice(0, RECENT_CHECKS) : list,
        );
      } else if (event.type === 'incident' && event.incident.monitorId === this.id()) {
        const incident = event.incident;
        this.incidents.update((list) => (list ? upsertIncident(list, incident) : list));
      }
    });
  }

  private async load(monitorId: string): Promise<void> {
    try {
      const [results, incidents] = await Promise.all([
        this.trpc.results.recent.query({ monitorId, limit: RECENT_CHECKS }),
        this.trpc.incidents.list.query({ monitorId }),
      ]);
      if (monitorId !== this.id()) return;
      this.results.set(results);
      this.incidents.set([...incidents].sort(incidentOrder));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
