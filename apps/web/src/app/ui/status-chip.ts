import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MonitorStaleness, MonitorStatus } from '@mini-netumo/contracts';
import { staleText } from './stale-text';

export type StatusTone = 'good' | 'bad' | 'neutral' | 'warning' | 'stale';

/** How each status looks. A Record, so a status added to the contract fails the build until it has a look. */
export const STATUS_LOOKS: Record<MonitorStatus, { tone: StatusTone; description: string }> = {
  up: { tone: 'good', description: 'Responding as expected' },
  down: { tone: 'bad', description: 'Failing checks' },
  pending: { tone: 'neutral', description: 'Waiting for its first verdict' },
  paused: { tone: 'warning', description: 'Checks are paused' },
};

/**
 * A colour-coded pill whose text is the status word itself (tests and screen readers read it). A stale
 * monitor says "stale" instead, never its last verdict's colour: that verdict is old news, kept in the title.
 */
@Component({
  selector: 'app-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': "'status-chip tone-' + tone()",
    '[attr.title]': 'title()',
    '[attr.data-status]': 'status()',
    '[attr.data-stale]': 'stale() ? "" : null',
    'data-testid': 'monitor-status',
  },
  template: `
    @if (stale()) {
      <svg class="clock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 4.5V8l2.5 1.75" />
      </svg>
      stale
    } @else {
      {{ status() }}
    }
  `,
  styles: `
    :host {
      display: inline-block;
      min-width: 4.5em;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      text-align: center;
      text-transform: lowercase;
      white-space: nowrap;
    }
    :host(.tone-good) {
      background: var(--status-up-bg);
      color: var(--status-up-fg);
    }
    :host(.tone-bad) {
      background: var(--status-down-bg);
      color: var(--status-down-fg);
    }
    :host(.tone-neutral) {
      background: var(--status-pending-bg);
      color: var(--status-pending-fg);
    }
    :host(.tone-warning) {
      background: var(--status-paused-bg);
      color: var(--status-paused-fg);
    }
    /* Dashed edge and clock as well as colour: it must not pass for paused or pending at a glance. */
    :host(.tone-stale) {
      background: var(--status-stale-bg);
      color: var(--status-stale-fg);
      outline: 1px dashed var(--status-stale-edge);
      outline-offset: -1px;
    }
    .clock {
      width: 1em;
      height: 1em;
      margin-right: 3px;
      vertical-align: -0.15em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.5;
      stroke-linecap: round;
    }
  `,
})
export class StatusChip {
  readonly status = input.required<MonitorStatus>();
  /** `Monitor.stale`: when set, the chip shows "stale" and names the reason and the last verdict in its title. */
  readonly stale = input<MonitorStaleness | null>(null);

  protected readonly tone = computed<StatusTone>(() => (this.stale() ? 'stale' : STATUS_LOOKS[this.status()].tone));
  protected readonly title = computed(() => {
    const stale = this.stale();
    return stale ? staleText(stale, this.status(), Date.now()) : STATUS_LOOKS[this.status()].description;
  });
}
