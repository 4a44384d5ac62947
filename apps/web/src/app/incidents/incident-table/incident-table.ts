import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Incident } from '@mini-netumo/contracts';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';

/** Incidents as a table; the monitor column appears when `monitorNames` is given (the all-incidents page). */
@Component({
  selector: 'app-incident-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, RouterLink, RelativeTimePipe],
  templateUrl: './incident-table.html',
  styleUrl: './incident-table.scss',
})
export class IncidentTable {
  readonly incidents = input.required<readonly Incident[]>();
  readonly monitorNames = input<ReadonlyMap<string, string> | null>(null);

  protected readonly clock = inject(Clock);
  protected readonly trackById = (_index: number, incident: Incident): string => incident.id;

  protected readonly columns = computed(() =>
    this.monitorNames() ? ['state', 'monitor', 'opened', 'resolved', 'cause'] : ['state', 'opened', 'resolved', 'cause'],
  );
}
