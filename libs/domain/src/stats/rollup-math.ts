import type { RollupPoint } from '../db/queries/rollup-reads';
import type { Counts } from '../db/rollup-counts';
import { addHistograms, emptyHistogram, histogramQuantile } from '../evaluation/latency-histogram';
import { bucketState } from '../evaluation/uptime';

/** Several rollup buckets folded into one: the maths behind every window the dashboard shows. */
export interface Folded extends Counts {
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  histogram: number[];
}

export function fold(points: readonly RollupPoint[]): Folded {
  const folded: Folded = {
    checks: 0,
    failures: 0,
    unknowns: 0,
    maintenance: 0,
    latencyCount: 0,
    latencySum: 0,
    latencyMin: null,
    latencyMax: null,
    histogram: emptyHistogram(),
  };
  for (const point of points) {
    folded.checks += point.checks;
    folded.failures += point.failures;
    folded.unknowns += point.unknowns;
    folded.maintenance += point.maintenance;
    folded.latencyCount += point.latencyCount;
    folded.latencySum += point.latencySum;
    folded.latencyMin = minOf(folded.latencyMin, point.latencyMin);
    folded.latencyMax = maxOf(folded.latencyMax, point.latencyMax);
    addHistograms(folded.histogram, point.histogram);
  }
  return folded;
}

export const averageLatency = (folded: Folded) => (folded.latencyCount === 0 ? null : Math.round(folded.latencySum / folded.latencyCount));

export const quantile = (folded: Folded, q: number) => histogramQuantile(folded.histogram, q, folded.latencyMin, folded.latencyMax);

/**
 * Lays points on a regular grid of buckets from `start`, so a stretch with no checks shows as `none`
 * instead of silently disappearing from a chart.
 */
export function onGrid<T>(
  points: readonly RollupPoint[],
  start: Date,
  stepMs: number,
  count: number,
  make: (bucketStart: Date, folded: Folded) => T,
): T[] {
  const byStart = new Map(points.map((point) => [point.bucketStart.getTime(), point]));
  return Array.from({ length: count }, (_, i) => {
    const bucketStart = new Date(start.getTime() + i * stepMs);
    const point = byStart.get(bucketStart.getTime());
    return make(bucketStart, fold(point ? [point] : []));
  });
}

export const stateOf = (folded: Folded) => bucketState(folded);

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
