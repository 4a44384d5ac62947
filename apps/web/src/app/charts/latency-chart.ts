import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { BucketState } from '@mini-netumo/contracts';
import { BUCKET_LOOKS } from './bucket-states';
import { bucketTicks, isolatedIndices, linePath, niceScale, runs } from './chart-scale';
import { HostWidth } from './host-width';

/** One bucket of the response-time chart. */
export interface LatencyPoint {
  start: Date;
  avgMs: number | null;
  p95Ms: number | null;
  state: BucketState;
  checks: number;
  failures: number;
}

const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 52 };
/** The state band under the plot: where the lines stop, it says why. */
const BAND = 6;

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
/** Daily buckets are UTC days; labelling them in local time would name the wrong day east of Greenwich. */
const utcDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Average and p95 response time per bucket, drawn as two SVG paths (one element each, however many
 * points), with buckets that have no timing left as gaps and a state band below. Hand-written: the
 * dashboard needs two lines and a band, not a charting library.
 */
@Component({
  selector: 'app-latency-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  hostDirectives: [HostWidth],
  templateUrl: './latency-chart.html',
  styleUrl: './latency-chart.scss',
})
export class LatencyChart {
  readonly points = input.required<readonly LatencyPoint[]>();
  readonly bucket = input.required<'hour' | 'day'>();

  private readonly hostWidth = inject(HostWidth);
  protected readonly height = HEIGHT;
  protected readonly margin = MARGIN;
  protected readonly looks = BUCKET_LOOKS;
  protected readonly states = Object.keys(BUCKET_LOOKS) as BucketState[];
  protected readonly band = BAND;
  protected readonly hovered = signal<number | null>(null);

  protected readonly geometry = computed(() => {
    const points = this.points();
    const width = Math.max(240, this.hostWidth.width());
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const step = plotWidth / Math.max(1, points.length);
    const avg = points.map((p) => p.avgMs);
    const p95 = points.map((p) => p.p95Ms);
    // A loop, not Math.max(...values): spreading a very long series overflows the call stack.
    const max = [...avg, ...p95].reduce<number>((highest, value) => (value !== null && value > highest ? value : highest), 0);
    const scale = niceScale(max);
    const top = scale.top;
    const x = (i: number) => MARGIN.left + (i + 0.5) * step;
    const y = (v: number) => MARGIN.top + plotHeight * (1 - v / top);
    const bandY = MARGIN.top + plotHeight + 4;
    const format = this.bucket() === 'day' ? utcDayFormat : null;
    return {
      width,
      step,
      plotWidth,
      plotBottom: MARGIN.top + plotHeight,
      bandY,
      hasData: max > 0,
      avgPath: linePath(avg, x, y),
      p95Path: linePath(p95, x, y),
      dots: [
        ...isolatedIndices(avg).map((i) => ({ cx: x(i), cy: y(avg[i] ?? 0), series: 'avg' })),
        ...isolatedIndices(p95).map((i) => ({ cx: x(i), cy: y(p95[i] ?? 0), series: 'p95' })),
      ],
      yTicks: scale.ticks.map((value) => ({ value, y: y(value) })),
      xTicks: bucketTicks(
        points.map((p) => p.start),
        this.bucket(),
        plotWidth,
      ).map((i) => ({ x: MARGIN.left + i * step, label: this.tickLabel(points[i]?.start ?? new Date(0), format) })),
      /** Buckets without a response time, shaded so a gap never reads as a fast site. */
      gaps: runs(points, (p) => p.avgMs === null)
        .filter((run) => run.key)
        .map((run) => ({ x: MARGIN.left + run.start * step, width: (run.end - run.start) * step })),
      band: runs(points, (p) => p.state).map((run) => ({
        x: MARGIN.left + run.start * step,
        width: (run.end - run.start) * step,
        color: BUCKET_LOOKS[run.key].color,
        state: run.key,
      })),
    };
  });

  protected readonly tooltip = computed(() => {
    const index = this.hovered();
    const point = index === null ? undefined : this.points()[index];
    if (index === null || !point) return null;
    const geometry = this.geometry();
    const left = Math.min(MARGIN.left + (index + 0.5) * geometry.step + 12, geometry.width - 200);
    return { point, x: MARGIN.left + (index + 0.5) * geometry.step, left, when: this.describeBucket(point.start) };
  });

  protected onPointerMove(event: PointerEvent): void {
    const svg = (event.currentTarget as SVGElement).ownerSVGElement;
    if (!svg) return;
    const offset = event.clientX - svg.getBoundingClientRect().left - MARGIN.left;
    const index = Math.floor(offset / this.geometry().step);
    this.hovered.set(index >= 0 && index < this.points().length ? index : null);
  }

  private tickLabel(start: Date, dayFormatUtc: Intl.DateTimeFormat | null): string {
    if (dayFormatUtc) return dayFormatUtc.format(start);
    return start.getHours() === 0 ? dayFormat.format(start) : hourFormat.format(start);
  }

  private describeBucket(start: Date): string {
    return this.bucket() === 'day' ? `${utcDayFormat.format(start)} (UTC day)` : `${fullFormat.format(start)}, 1 h`;
  }
}
