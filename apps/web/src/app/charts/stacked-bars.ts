import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { niceScale } from './chart-scale';
import { HostWidth } from './host-width';

export interface BarSeries {
  label: string;
  color: string;
}

export interface BarColumn {
  /** The tooltip of the whole column. */
  title: string;
  /** One value per series, stacked bottom-up in series order; null leaves the slot empty. */
  values: readonly number[] | null;
  /** Marked under the column, such as a failed check. */
  flagged: boolean;
}

const HEIGHT = 180;
const MARGIN = { top: 8, right: 12, bottom: 16, left: 52 };

/** Stacked columns, oldest left: the timing breakdown of recent checks. */
@Component({
  selector: 'app-stacked-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  hostDirectives: [HostWidth],
  template: `
    @let g = geometry();
    <svg
      [attr.width]="g.width"
      [attr.height]="height"
      [attr.viewBox]="'0 0 ' + g.width + ' ' + height"
      role="img"
      [attr.aria-label]="label()"
    >
      @for (tick of g.ticks; track tick.value) {
        <line class="grid" [attr.x1]="margin.left" [attr.x2]="g.width - margin.right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
        <text class="label" [attr.x]="margin.left - 6" [attr.y]="tick.y" dy="0.32em" text-anchor="end">{{ tick.value }} ms</text>
      }
      @for (column of g.columns; track $index) {
        <g class="column">
          <title>{{ column.title }}</title>
          <rect
            class="hit"
            [attr.x]="column.x"
            [attr.y]="margin.top"
            [attr.width]="column.width"
            [attr.height]="g.plotBottom - margin.top"
          />
          @for (segment of column.segments; track $index) {
            <rect
              [attr.x]="column.x"
              [attr.y]="segment.y"
              [attr.width]="column.width"
              [attr.height]="segment.height"
              [attr.fill]="segment.color"
            />
          }
          @if (column.flagged) {
            <rect class="flag" [attr.x]="column.x" [attr.y]="g.plotBottom + 4" [attr.width]="column.width" height="4" />
          }
        </g>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    svg {
      display: block;
      overflow: visible;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
    }
    .label {
      font: var(--mat-sys-label-small);
      fill: var(--mat-sys-on-surface-variant);
    }
    .hit {
      fill: transparent;
    }
    .column:hover .hit {
      fill: var(--mat-sys-surface-container-high);
    }
    .flag {
      fill: var(--bucket-down);
    }
  `,
})
export class StackedBars {
  readonly series = input.required<readonly BarSeries[]>();
  readonly columns = input.required<readonly BarColumn[]>();
  readonly label = input.required<string>();

  private readonly hostWidth = inject(HostWidth);
  protected readonly height = HEIGHT;
  protected readonly margin = MARGIN;

  protected readonly geometry = computed(() => {
    const series = this.series();
    const columns = this.columns();
    const width = Math.max(240, this.hostWidth.width());
    const plotBottom = HEIGHT - MARGIN.bottom;
    const plotHeight = plotBottom - MARGIN.top;
    const max = Math.max(0, ...columns.map((column) => (column.values ?? []).reduce((sum, value) => sum + value, 0)));
    const scale = niceScale(max, 3);
    const top = scale.top;
    const step = (width - MARGIN.left - MARGIN.right) / Math.max(1, columns.length);
    // Thin gaps between many columns; few columns stay slim instead of turning into blocks.
    const barWidth = Math.min(28, Math.max(1, step * (step > 6 ? 0.75 : 1)));
    const y = (value: number) => plotBottom - (plotHeight * value) / top;
    return {
      width,
      plotBottom,
      ticks: scale.ticks.map((value) => ({ value, y: y(value) })),
      columns: columns.map((column, i) => {
        let base = 0;
        const segments = (column.values ?? []).flatMap((value, s) => {
          if (value <= 0) return [];
          const segment = { y: y(base + value), height: y(base) - y(base + value), color: series[s]?.color ?? 'currentColor' };
          base += value;
          return [segment];
        });
        return {
          x: MARGIN.left + i * step + (step - barWidth) / 2,
          width: barWidth,
          segments,
          title: column.title,
          flagged: column.flagged,
        };
      }),
    };
  });
}
