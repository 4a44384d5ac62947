import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { STATS_WINDOWS, type MonitorStats } from '@mini-netumo/contracts';
import { formatMs, formatPercent } from '../../ui/number-format';

const WINDOW_WORDS: Record<MonitorStats['window'], string> = {
  '24h': '24 h',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '1y': '1 year',
};

interface Card {
  id: string;
  label: string;
  value: string;
  note: string;
  tone: 'good' | 'warn' | 'bad' | 'plain';
}

/** Uptime for every window on one row; average, percentiles and error rate of the chart's window on the next. */
@Component({
  selector: 'app-stat-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (card of cards(); track card.id) {
      <div class="card" [class]="'tone-' + card.tone" [attr.data-testid]="card.id">
        <div class="label">{{ card.label }}</div>
        <div class="value" data-testid="stat-value">{{ card.value }}</div>
        <div class="note">{{ card.note }}</div>
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 8px;
    }
    @media (max-width: 720px) {
      :host {
        grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
      }
    }
    .card {
      padding: 10px 14px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-small);
      margin: 2px 0;
      font-variant-numeric: tabular-nums;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .tone-good .value {
      color: var(--status-up-fg);
    }
    .tone-warn .value {
      color: var(--status-paused-fg);
    }
    .tone-bad .value {
      color: var(--status-down-fg);
    }
  `,
})
export class StatCards {
  readonly stats = input.required<MonitorStats>();

  protected readonly cards = computed((): Card[] => {
    const stats = this.stats();
    const window = WINDOW_WORDS[stats.window];
    const uptime = STATS_WINDOWS.map((key): Card => ({
      id: `uptime-${key}`,
      label: `Uptime ${WINDOW_WORDS[key]}`,
      value: formatPercent(stats.uptime[key]),
      note: key === stats.window ? `${stats.checks} checks` : '',
      tone: uptimeTone(stats.uptime[key]),
    }));
    const percentile = (key: 'p50' | 'p95' | 'p99'): Card => ({
      id: `stat-${key}`,
      label: key,
      value: formatMs(stats.percentiles[key]),
      note: `over ${window}`,
      tone: 'plain',
    });
    return [
      ...uptime,
      {
        id: 'stat-avg',
        label: 'Average 24 h',
        value: formatMs(stats.avgLatencyMs['24h']),
        note: `1 h ${formatMs(stats.avgLatencyMs['1h'])} · 7 d ${formatMs(stats.avgLatencyMs['7d'])}`,
        tone: 'plain',
      },
      percentile('p50'),
      percentile('p95'),
      percentile('p99'),
      {
        id: 'stat-error-rate',
        label: 'Error rate',
        value: formatPercent(stats.errorRate),
        note: `over ${window}`,
        tone: stats.errorRate === null ? 'plain' : stats.errorRate === 0 ? 'good' : stats.errorRate < 5 ? 'warn' : 'bad',
      },
    ];
  });
}

function uptimeTone(value: number | null): Card['tone'] {
  if (value === null) return 'plain';
  return value >= 99.9 ? 'good' : value >= 99 ? 'warn' : 'bad';
}
