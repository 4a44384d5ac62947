import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ScrollingModule } from '@angular/cdk/scrolling';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { isActiveKind } from '@mini-netumo/contracts';
import { StatusStrip } from '../../charts/status-strip';
import { ExpiryCountdowns } from '../../expiry/data-access/expiry-countdowns';
import { DaysLeft } from '../../expiry/days-left';
import { formatMs, formatPercent } from '../../ui/number-format';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { StatusChip } from '../../ui/status-chip';
import { MonitorStore } from '../data-access/monitor-store';
import { SummaryStore } from '../data-access/summary-store';
import { MonitorActions } from '../monitor-actions/monitor-actions';
import { countByStatus, overviewRows, type OverviewRow, type RowOrder, type StatusFilter } from './overview-rows';

/** Fixed, so the virtual scroller can place rows without measuring them. */
export const ROW_HEIGHT_PX = 72;

/**
 * Home: every monitor with its live status, 24 h bar and uptime. Rows are virtualised against the
 * window's scroll, so a thousand monitors cost the DOM of the twenty on screen.
 */
@Component({
  selector: 'app-monitor-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ScrollingModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    StatusChip,
    StatusStrip,
    RelativeTimePipe,
    MonitorActions,
    DaysLeft,
  ],
  templateUrl: './monitor-list.html',
  styleUrl: './monitor-list.scss',
})
export class MonitorList {
  protected readonly store = inject(MonitorStore);
  protected readonly summary = inject(SummaryStore);
  protected readonly countdowns = inject(ExpiryCountdowns);
  protected readonly clock = inject(Clock);
  protected readonly rowHeight = ROW_HEIGHT_PX;
  protected readonly formatMs = formatMs;
  protected readonly formatPercent = formatPercent;
  protected readonly isActiveKind = isActiveKind;

  protected readonly query = signal('');
  protected readonly status = signal<StatusFilter>('all');
  protected readonly order = signal<RowOrder>('problems');
  protected readonly counts = computed(() => countByStatus(this.store.monitors()));
  protected readonly rows = computed(() =>
    overviewRows(this.store.monitors(), this.summary.stats(), this.query(), this.status(), this.clock.now(), this.order()),
  );
  protected readonly trackById = (_index: number, row: OverviewRow): string => row.monitor.id;

  constructor() {
    this.summary.refreshIfStale();
  }

  protected setQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
