import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { daysLeftClass, daysLeftText, type ExpiryState } from './expiry-tone';

/** A countdown coloured by `daysLeftClass`; `emptyText` stands in when there is no date. */
@Component({
  selector: 'app-days-left',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': 'tone()',
    '[attr.data-days]': 'days()',
  },
  template: `{{ days() === null ? emptyText() : text() }}`,
  styles: `
    :host {
      font-weight: 500;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    :host(.days-green) {
      color: var(--status-up-fg);
    }
    :host(.days-amber) {
      color: var(--status-paused-fg);
    }
    :host(.days-red) {
      color: var(--status-down-fg);
    }
    :host(.days-grey) {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DaysLeft {
  readonly days = input.required<number | null>();
  readonly state = input.required<ExpiryState | null>();
  readonly emptyText = input('—');

  protected readonly tone = computed(() => daysLeftClass(this.days(), this.state()));
  protected readonly text = computed(() => daysLeftText(this.days()));
}
