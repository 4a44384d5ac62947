import type { BucketState } from '@mini-netumo/contracts';

export interface Counts {
  checks: number;
  failures: number;
  unknowns: number;
}

/** Percent of decided checks that were up; unknowns are neither. Null when nothing was decided. */
export function uptimePercent(counts: Counts): number | null {
  const decided = counts.checks - counts.unknowns;
  if (decided <= 0) return null;
  return Math.round(((decided - counts.failures) / decided) * 10_000) / 100;
}

/** The colour of one bar: any confirmed failure marks it down; no checks at all is `none`, never up. */
export function bucketState(counts: Counts): BucketState {
  if (counts.checks === 0) return 'none';
  if (counts.failures > 0) return 'down';
  if (counts.unknowns === counts.checks) return 'unknown';
  return 'up';
}

export const addCounts = (a: Counts, b: Counts): Counts => ({
  checks: a.checks + b.checks,
  failures: a.failures + b.failures,
  unknowns: a.unknowns + b.unknowns,
});

export const NO_COUNTS: Counts = { checks: 0, failures: 0, unknowns: 0 };
