import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ScrollingModule } from '@angular/cdk/scrolling';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StatusStrip } from '../../charts/status-strip';
import { ExpiryCountdowns } from '../../expiry/data-access/expiry-countdowns';
import { DaysLeft } from '../../expiry/days-left';
import { isActiveKind } from '@mini-netumo/contracts';
import { formatMs, formatPercent } from '../../ui/number-format';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { StatusChip } from '../../ui/status-chip';
import { hourStart } from '../data-access/overview-bar';
import type { OverviewEntry } from '../data-access/overview-entries';
import { OverviewStore } from '../data-access/overview-store';
import { MonitorActions } from '../monitor-actions/monitor-actions';
import { BarCellsPipe } from './bar-cells';
import { countByStatus, overviewRows, type RowOrder, type StatusFilter } from './overview-rows';

/** Fixed, so the virtual scroller can place rows without measuring them. */
export const ROW_HEIGHT_PX = 72;

/**
 * Home: every monitor with its live status, 24 h bar and uptime, drawn from the overview snapshot alone (no
 * monitor's configuration is loaded). Rows are virtualised against the window's scroll, so ten thousand monitors
 * cost the DOM, and the bar cells, of the twenty on screen.
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
    BarCellsPipe,
  ],
  templateUrl: './monitor-list.html',
  styleUrl: './monitor-list.scss',
})
export class MonitorList {
  protected readonly overview = inject(OverviewStore);
  protected readonly countdowns = inject(ExpiryCountdowns);
  protected readonly clock = inject(Clock);
  protected readonly rowHeight = ROW_HEIGHT_PX;
  protected readonly formatMs = formatMs;
  protected readonly formatPercent = formatPercent;
  protected readonly isActiveKind = isActiveKind;

  protected readonly query = signal('');
  protected readonly status = signal<StatusFilter>('all');
  protected readonly order = signal<RowOrder>('problems');
  protected readonly counts = computed(() => countByStatus(this.overview.entries()));
  protected readonly rows = computed(() => overviewRows(this.overview.entries(), this.query(), this.status(), this.order()));
  /** The bars' last hour: it moves once an hour, not with every tick of the clock. */
  protected readonly hour = computed(() => hourStart(this.clock.now()));
  protected readonly trackById = (_index: number, row: OverviewEntry): string => row.id;

  constructor() {
    this.overview.refreshIfStale();
    effect(() => {
      if (this.overview.loaded()) untracked(() => this.countdowns.start());
    });
  }

  protected setQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
