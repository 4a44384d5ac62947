import type { BucketState } from '@mini-netumo/contracts';
import type { Counts } from '../db/rollup-counts';

/** Checks whose verdict counts for uptime: neither unknown nor made during maintenance. */
export const decidedChecks = (counts: Counts): number => counts.checks - counts.unknowns - counts.maintenance;

/** Percent of decided checks that were up; unknown and maintenance checks are neither. Null when nothing was decided. */
export function uptimePercent(counts: Counts): number | null {
  const decided = decidedChecks(counts);
  if (decided <= 0) return null;
  return Math.round(((decided - counts.failures) / decided) * 10_000) / 100;
}

/**
 * The colour of one bar: a confirmed failure outside maintenance marks it down; no checks at all is `none`,
 * never up; nothing decided but some maintenance is `maintenance`.
 */
export function bucketState(counts: Counts): BucketState {
  if (counts.checks === 0) return 'none';
  if (counts.failures > 0) return 'down';
  if (decidedChecks(counts) > 0) return 'up';
  return counts.maintenance > 0 ? 'maintenance' : 'unknown';
}

export const addCounts = (a: Counts, b: Counts): Counts => ({
  checks: a.checks + b.checks,
  failures: a.failures + b.failures,
  unknowns: a.unknowns + b.unknowns,
  maintenance: a.maintenance + b.maintenance,
});

export const NO_COUNTS: Counts = { checks: 0, failures: 0, unknowns: 0, maintenance: 0 };
