import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { INCIDENT_KINDS, INCIDENT_STATES, type Incident, type IncidentKind, type IncidentState } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { IncidentActions } from '../incident-actions';
import { incidentOrder, upsertIncident } from '../incident-order';
import { IncidentTable } from '../incident-table/incident-table';

/** How many incidents the page shows; older ones are history nobody scrolls to. */
const INCIDENT_PAGE_SIZE = 200;

/** Every incident of every monitor, open ones first, filtered by state and kind, kept current by live events. */
@Component({
  selector: 'app-incident-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatProgressBarModule, MatSelectModule, IncidentTable],
  template: `
    <section class="page">
      <header class="page-header"><h1>Incidents</h1></header>
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>State</mat-label>
          <mat-select data-testid="filter-state" [value]="state()" (valueChange)="state.set($event); load()">
            <mat-option [value]="null">Any</mat-option>
            @for (value of states; track value) {
              <mat-option [value]="value">{{ value }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Kind</mat-label>
          <mat-select data-testid="filter-kind" [value]="kind()" (valueChange)="kind.set($event); load()">
            <mat-option [value]="null">Any</mat-option>
            @for (value of kinds; track value) {
              <mat-option [value]="value">{{ value }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (error(); as message) {
        <div class="error-banner" role="alert">Could not load incidents: {{ message }}</div>
      }
      @if (visible(); as list) {
        @if (list.length === 0) {
          <p class="muted" data-testid="no-incidents">
            {{ state() || kind() ? 'No incidents match these filters.' : 'No incidents. Everything has been fine so far.' }}
          </p>
        } @else {
          <app-incident-table
            [incidents]="list"
            [monitorNames]="monitorNames()"
            [actions]="true"
            (acknowledge)="acknowledge($event)"
            (resolve)="resolve($event)"
          />
        }
      } @else if (!error()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading incidents" />
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 16px;
      margin-bottom: 16px;
    }
  `,
})
export class IncidentList {
  private readonly trpc = inject(TRPC);
  private readonly store = inject(MonitorStore);
  private readonly actions = inject(IncidentActions);

  protected readonly states = INCIDENT_STATES;
  protected readonly kinds = INCIDENT_KINDS;
  protected readonly state = signal<IncidentState | null>(null);
  protected readonly kind = signal<IncidentKind | null>(null);
  protected readonly incidents = signal<readonly Incident[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly monitorNames = computed(() => new Map(this.store.monitors().map((monitor) => [monitor.id, monitor.name])));
  /** Live updates may move an incident out of the filter (acknowledged, resolved): hide it then. */
  protected readonly visible = computed(() => {
    const list = this.incidents();
    const state = this.state();
    const kind = this.kind();
    return list?.filter((incident) => (!state || incident.state === state) && (!kind || incident.kind === kind)) ?? null;
  });

  constructor() {
    this.store.load();
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type !== 'incident') return;
      this.incidents.update((list) => (list ? upsertIncident(list, event.incident) : list));
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load());
    void this.load();
  }

  protected async load(): Promise<void> {
    try {
      const list = await this.trpc.incidents.list.query({
        limit: INCIDENT_PAGE_SIZE,
        state: this.state() ?? undefined,
        kind: this.kind() ?? undefined,
      });
      this.incidents.set([...list].sort(incidentOrder));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }

  protected async acknowledge(incident: Incident): Promise<void> {
    if (await this.actions.acknowledge(incident.id)) await this.load();
  }

  protected async resolve(incident: Incident): Promise<void> {
    if (await this.actions.resolve(incident.id)) await this.load();
  }
}
