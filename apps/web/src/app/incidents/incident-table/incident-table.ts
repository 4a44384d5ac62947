import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Incident } from '@mini-netumo/contracts';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';

/** Incidents as a table; the monitor column appears when `monitorNames` is given (the all-incidents page). */
@Component({
  selector: 'app-incident-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatTableModule, RouterLink, RelativeTimePipe],
  templateUrl: './incident-table.html',
  styleUrl: './incident-table.scss',
})
export class IncidentTable {
  readonly incidents = input.required<readonly Incident[]>();
  readonly monitorNames = input<ReadonlyMap<string, string> | null>(null);
  /** Shows Acknowledge and Resolve buttons on unresolved rows. */
  readonly actions = input(false);
  readonly acknowledge = output<Incident>();
  readonly resolve = output<Incident>();

  protected readonly clock = inject(Clock);
  protected readonly trackById = (_index: number, incident: Incident): string => incident.id;

  protected readonly columns = computed(() => [
    'state',
    ...(this.monitorNames() ? ['monitor'] : []),
    'opened',
    'resolved',
    'cause',
    ...(this.actions() ? ['actions'] : []),
  ]);
}
