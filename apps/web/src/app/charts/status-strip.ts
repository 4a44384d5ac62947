import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BucketState } from '@mini-netumo/contracts';
import { BUCKET_LOOKS, describeStates } from './bucket-states';

export interface StripCell {
  state: BucketState;
  /** The tooltip: when, and what happened then. */
  title: string;
}

/**
 * A row of coloured cells, one per bucket: the overview's 24 h bar and the detail page's 90 days.
 * One SVG stretched to its box (no measuring), so a thousand rows cost a thousand small SVGs at most.
 */
@Component({
  selector: 'app-status-strip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'ariaLabel()' },
  template: `
    <svg [attr.viewBox]="'0 0 ' + cells().length * 10 + ' 10'" preserveAspectRatio="none" aria-hidden="true">
      @for (cell of cells(); track $index) {
        <rect
          [attr.x]="$index * 10 + gap() / 2"
          y="0"
          [attr.width]="10 - gap()"
          height="10"
          rx="1.5"
          [attr.fill]="looks[cell.state].color"
          [attr.data-state]="cell.state"
          class="cell"
        >
          <title>{{ cell.title }}</title>
        </rect>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      height: 24px;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
    .cell:hover {
      opacity: 0.75;
    }
  `,
})
export class StatusStrip {
  readonly cells = input.required<readonly StripCell[]>();
  /** What the strip covers, such as "Last 24 hours". */
  readonly label = input.required<string>();

  protected readonly looks = BUCKET_LOOKS;
  /** Thin gaps between many cells, wider between few. */
  protected readonly gap = computed(() => (this.cells().length > 60 ? 2.5 : 2));
  protected readonly ariaLabel = computed(() => `${this.label()}: ${describeStates(this.cells().map((cell) => cell.state))}`);
}
