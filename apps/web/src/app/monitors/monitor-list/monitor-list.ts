import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { StatusChip } from '../../ui/status-chip';
import { MonitorStore } from '../data-access/monitor-store';
import { MonitorActions } from '../monitor-actions/monitor-actions';

/** Home: every monitor with its live status. */
@Component({
  selector: 'app-monitor-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, RouterLink, StatusChip, RelativeTimePipe, MonitorActions],
  templateUrl: './monitor-list.html',
  styleUrl: './monitor-list.scss',
})
export class MonitorList {
  protected readonly store = inject(MonitorStore);
  protected readonly clock = inject(Clock);
  protected readonly columns = ['status', 'name', 'latency', 'checked', 'actions'];
  protected readonly trackById = (_index: number, monitor: Monitor): string => monitor.id;
}
