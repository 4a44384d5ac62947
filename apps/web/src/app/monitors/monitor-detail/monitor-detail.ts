import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { CheckResult, MonitorStats } from '@mini-netumo/contracts';
import { LatencyChart, type LatencyPoint } from '../../charts/latency-chart';
import { StackedBars, type BarColumn, type BarSeries } from '../../charts/stacked-bars';
import { StatusStrip, type StripCell } from '../../charts/status-strip';
import { MonitorExpiry } from '../../expiry/monitor-expiry/monitor-expiry';
import { IncidentTable } from '../../incidents/incident-table/incident-table';
import { messageOf } from '../../trpc/error-message';
import { downloadText, fileSlug } from '../../ui/download';
import { formatMs, formatPercent } from '../../ui/number-format';
import { Clock } from '../../ui/relative-time';
import { staleText } from '../../ui/stale-text';
import { StatusChip } from '../../ui/status-chip';
import { MonitorStore } from '../data-access/monitor-store';
import { CHART_WINDOWS, MonitorHistory, type ChartWindow, type ExportKind } from '../data-access/monitor-history';
import { dayVerdict } from './day-verdict';
import { MonitorActions } from '../monitor-actions/monitor-actions';
import { CheckTable } from './check-table';
import { HeartbeatPanel } from './heartbeat/heartbeat-panel';
import { MonitorFacts } from './monitor-facts';
import { StatCards } from './stat-cards';
import { ERROR_KIND_LABELS } from './error-kind-labels';
import { PHASE_LOOKS, TIMING_PHASES, averagePhases, phasesTaken, timingPhases } from './timing-phases';
import { hasCertificate } from './kind-facts/kind-facts';

const WINDOW_LABELS: Record<ChartWindow, string> = { '24h': '24 h', '7d': '7 d', '30d': '30 d' };
const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const checkTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** One monitor: its state, statistics, charts, checks and incidents, all live. */
@Component({
  selector: 'app-monitor-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatMenuModule,
    MatProgressBarModule,
    RouterLink,
    CheckTable,
    HeartbeatPanel,
    IncidentTable,
    LatencyChart,
    MonitorActions,
    MonitorExpiry,
    MonitorFacts,
    StackedBars,
    StatCards,
    StatusChip,
    StatusStrip,
  ],
  providers: [MonitorHistory],
  templateUrl: './monitor-detail.html',
  styleUrl: './monitor-detail.scss',
})
export class MonitorDetail {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(MonitorStore);
  protected readonly history = inject(MonitorHistory);
  protected readonly monitor = this.store.monitor(this.id);
  protected readonly settled = this.store.isSettled(this.id);
  protected readonly windows = CHART_WINDOWS;
  protected readonly windowLabels = WINDOW_LABELS;
  protected readonly exporting = signal(false);
  protected readonly formatPercent = formatPercent;
  protected readonly hasCertificate = hasCertificate;
  private readonly clock = inject(Clock);
  /** The monitor, when it is a heartbeat: no certificate, domain or timings, but a ping URL and a ping log. */
  protected readonly heartbeat = computed(() => {
    const monitor = this.monitor();
    return monitor?.kind === 'heartbeat' ? monitor : null;
  });

  /** Said in words, not only by the chip: the status in the header is old news while this shows. */
  protected readonly staleLine = computed(() => {
    const monitor = this.monitor();
    return monitor?.stale ? staleText(monitor.stale, monitor.status, this.clock.now(), { ago: true }) : null;
  });

  protected readonly chartPoints = computed(() => toLatencyPoints(this.history.stats()));
  protected readonly chartBucket = computed(() => (this.history.stats()?.window === '30d' ? 'day' : 'hour'));
  protected readonly statusDays = computed(() => toStatusDays(this.history.stats()));

  protected readonly phaseSeries: BarSeries[] = TIMING_PHASES.map((phase) => PHASE_LOOKS[phase]);
  protected readonly phaseColumns = computed(() => toPhaseColumns(this.history.recent() ?? []));
  protected readonly phaseAverages = computed(() => {
    const averages = averagePhases((this.history.recent() ?? []).map((result) => result.timings));
    return averages && phasesTaken(averages).map(({ phase, ms }) => ({ ...PHASE_LOOKS[phase], value: formatMs(ms) }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.store.open(id);
        this.history.open(id);
      });
    });
    // Deleted, here or by someone else: the page has nothing left to show, so go back to the list.
    let seen = false;
    effect(() => {
      if (this.monitor()) seen = true;
      else if (seen) void this.router.navigate(['/']);
    });
  }

  protected async export(what: ExportKind): Promise<void> {
    const monitor = this.monitor();
    if (!monitor || this.exporting()) return;
    this.exporting.set(true);
    try {
      const csv = await this.history.exportCsv(what);
      downloadText(`${fileSlug(monitor.name)}-${what}-${this.history.window()}.csv`, csv);
    } catch (error) {
      this.snackBar.open(`Export failed: ${messageOf(error)}`, 'Dismiss', { duration: 6_000 });
    } finally {
      this.exporting.set(false);
    }
  }
}

/** Buckets without a verdict from the target (`none`, `unknown`) have no line, whatever their numbers. */
function toLatencyPoints(stats: MonitorStats | null): LatencyPoint[] {
  return (stats?.series ?? []).map((point) => {
    const measured = point.state !== 'none' && point.state !== 'unknown';
    return {
      start: point.bucketStart,
      avgMs: measured ? point.avgLatencyMs : null,
      p95Ms: measured ? point.p95LatencyMs : null,
      state: point.state,
      checks: point.checks,
      failures: point.failures,
    };
  });
}

function toStatusDays(stats: MonitorStats | null): StripCell[] {
  return (stats?.statusBar90d ?? []).map((day) => ({
    state: day.state,
    title: `${utcDay.format(day.day)}: ${dayVerdict(day)}`,
  }));
}

/** Oldest left, like every other time axis on the page. */
function toPhaseColumns(results: readonly CheckResult[]): BarColumn[] {
  return [...results].reverse().map((result) => {
    const phases = result.timings && timingPhases(result.timings);
    const detail = phases
      ? phasesTaken(phases)
          .map(({ phase, ms }) => `${PHASE_LOOKS[phase].label} ${ms} ms`)
          .join(', ')
      : 'no timings';
    const why = result.errorKind ? ERROR_KIND_LABELS[result.errorKind] : 'unknown';
    return {
      title: `${checkTime.format(result.checkedAt)}: ${result.ok ? 'ok' : `failed (${why})`}${result.inMaintenance ? ', in maintenance' : ''}; ${detail}`,
      // A phase the check never went through draws nothing.
      values: phases && TIMING_PHASES.map((phase) => phases[phase] ?? 0),
      flagged: !result.ok,
    };
  });
}
