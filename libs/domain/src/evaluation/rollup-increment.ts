import type { CheckVerdict } from '@mini-netumo/contracts';
import type { RollupIncrement } from '../db/rollup-counts';
import { emptyHistogram, histogramBucket } from './latency-histogram';

export function rollupIncrement(verdict: CheckVerdict, latencyMs: number | null, inMaintenance: boolean): RollupIncrement {
  const timed = verdict === 'up' && latencyMs !== null;
  const histogram = emptyHistogram();
  if (timed) histogram[histogramBucket(latencyMs)]! += 1;
  return {
    checks: 1,
    failures: !inMaintenance && verdict === 'down' ? 1 : 0,
    unknowns: !inMaintenance && verdict === 'unknown' ? 1 : 0,
    maintenance: inMaintenance ? 1 : 0,
    latencyCount: timed ? 1 : 0,
    latencySum: timed ? latencyMs : 0,
    latencyMin: timed ? latencyMs : null,
    latencyMax: timed ? latencyMs : null,
    histogram,
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** UTC bucket starts; days are UTC days so every installation aggregates the same way. */
export const hourBucket = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
export const dayBucket = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
