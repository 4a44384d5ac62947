import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Incident } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { incidentOrder, upsertIncident } from '../incident-order';
import { IncidentTable } from '../incident-table/incident-table';

/** How many incidents the page shows; older ones are history nobody scrolls to. */
const INCIDENT_PAGE_SIZE = 200;

/** Every incident of every monitor, open ones first, kept current by live events. */
@Component({
  selector: 'app-incident-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, IncidentTable],
  template: `
    <section class="page">
      <header class="page-header"><h1>Incidents</h1></header>
      @if (error(); as message) {
        <div class="error-banner" role="alert">Could not load incidents: {{ message }}</div>
      }
      @if (incidents(); as list) {
        @if (list.length === 0) {
          <p class="muted" data-testid="no-incidents">No incidents. Everything has been fine so far.</p>
        } @else {
          <app-incident-table [incidents]="list" [monitorNames]="monitorNames()" />
        }
      } @else if (!error()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading incidents" />
      }
    </section>
  `,
})
export class IncidentList {
  private readonly trpc = inject(TRPC);
  private readonly store = inject(MonitorStore);

  protected readonly incidents = signal<readonly Incident[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly monitorNames = computed(
    () => new Map(this.store.monitors().map((monitor) => [monitor.id, monitor.name])),
  );

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type !== 'incident') return;
      this.incidents.update((list) => (list ? upsertIncident(list, event.incident) : list));
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load());
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.trpc.incidents.list.query({ limit: INCIDENT_PAGE_SIZE });
      this.incidents.set([...list].sort(incidentOrder));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
