import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BOUNDS_MS, addHistograms, emptyHistogram, histogramBucket, histogramQuantile } from './latency-histogram';

/** Brute force: the nearest-rank quantile of the raw samples. */
function exactQuantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function histogramOf(samples: number[]): number[] {
  const histogram = emptyHistogram();
  for (const sample of samples) histogram[histogramBucket(sample)]! += 1;
  return histogram;
}

/** The width of the bucket a value falls in: the most a histogram quantile may be off by. */
function bucketWidth(value: number): number {
  const i = histogramBucket(value);
  const lower = i === 0 ? 0 : HISTOGRAM_BOUNDS_MS[i - 1]!;
  const upper = i < HISTOGRAM_BOUNDS_MS.length ? HISTOGRAM_BOUNDS_MS[i]! : 60_000;
  return upper - lower;
}

/** A deterministic pseudo-random generator so the table is reproducible. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const random = seeded(42);
const DISTRIBUTIONS: [string, number[]][] = [
  ['constant 120 ms', Array.from({ length: 500 }, () => 120)],
  ['uniform 10-300 ms', Array.from({ length: 2_000 }, () => 10 + Math.round(random() * 290))],
  ['long tail', Array.from({ length: 2_000 }, () => Math.round(20 * Math.exp(random() * 5)))],
  ['bimodal fast/slow', Array.from({ length: 1_000 }, (_, i) => (i % 10 === 0 ? 2_500 : 40 + (i % 7)))],
  ['timeouts at 30 s', Array.from({ length: 100 }, (_, i) => (i < 97 ? 80 : 30_000))],
  ['single sample', [437]],
];

describe('histogram quantiles against brute force', () => {
  it.each(DISTRIBUTIONS.flatMap(([name, samples]) => [0.5, 0.95, 0.99].map((q) => [name, q, samples] as const)))(
    '%s p%s stays within one bucket of the exact value',
    (_name, q, samples) => {
      const exact = exactQuantile(samples, q);
      const estimate = histogramQuantile(histogramOf(samples), q, Math.min(...samples), Math.max(...samples));
      expect(estimate).not.toBeNull();
      expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(bucketWidth(exact));
    },
  );

  it('reads a single sample back exactly', () => {
    expect(histogramQuantile(histogramOf([437]), 0.99, 437, 437)).toBe(437);
  });

  it('is null without samples', () => {
    expect(histogramQuantile(emptyHistogram(), 0.95, null, null)).toBeNull();
  });

  it('merges hour histograms into the same answer as one histogram of all samples', () => {
    const samples = DISTRIBUTIONS[2]![1];
    const merged = emptyHistogram();
    for (let start = 0; start < samples.length; start += 100) addHistograms(merged, histogramOf(samples.slice(start, start + 100)));
    expect(merged).toEqual(histogramOf(samples));
  });

  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [100, 9],
    [29_999, 22],
    [30_000, 22],
    [30_001, 23],
  ])('puts %i ms in bucket %i', (latency, bucket) => {
    expect(histogramBucket(latency)).toBe(bucket);
  });
});
