import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MonitorStatus } from '@mini-netumo/contracts';

export type StatusTone = 'good' | 'bad' | 'neutral' | 'warning';

/** How each status looks. A Record, so a status added to the contract fails the build until it has a look. */
export const STATUS_LOOKS: Record<MonitorStatus, { tone: StatusTone; description: string }> = {
  up: { tone: 'good', description: 'Responding as expected' },
  down: { tone: 'bad', description: 'Failing checks' },
  pending: { tone: 'neutral', description: 'Waiting for its first verdict' },
  paused: { tone: 'warning', description: 'Checks are paused' },
};

/** A colour-coded pill whose text is the status word itself (tests and screen readers read it). */
@Component({
  selector: 'app-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': "'status-chip tone-' + look().tone",
    '[attr.title]': 'look().description',
    'data-testid': 'monitor-status',
  },
  template: `{{ status() }}`,
  styles: `
    :host {
      display: inline-block;
      min-width: 4.5em;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      text-align: center;
      text-transform: lowercase;
    }
    :host(.tone-good) { background: var(--status-up-bg); color: var(--status-up-fg); }
    :host(.tone-bad) { background: var(--status-down-bg); color: var(--status-down-fg); }
    :host(.tone-neutral) { background: var(--status-pending-bg); color: var(--status-pending-fg); }
    :host(.tone-warning) { background: var(--status-paused-bg); color: var(--status-paused-fg); }
  `,
})
export class StatusChip {
  readonly status = input.required<MonitorStatus>();
  protected readonly look = computed(() => STATUS_LOOKS[this.status()]);
}
