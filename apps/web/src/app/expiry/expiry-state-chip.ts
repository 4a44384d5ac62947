import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EXPIRY_STATE_LOOKS, NOT_CHECKED_LOOK, type ExpiryState } from './expiry-tone';

/** A pill with a certificate's or registration's state in words; grey "not checked" before the first check. */
@Component({
  selector: 'app-expiry-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': "'expiry-state-chip tone-' + look().tone",
    '[attr.title]': 'look().description',
    '[attr.data-state]': 'state() ?? "none"',
  },
  template: `{{ look().label }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
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
  `,
})
export class ExpiryStateChip {
  readonly state = input.required<ExpiryState | null>();
  protected readonly look = computed(() => {
    const state = this.state();
    return state ? EXPIRY_STATE_LOOKS[state] : NOT_CHECKED_LOOK;
  });
}
