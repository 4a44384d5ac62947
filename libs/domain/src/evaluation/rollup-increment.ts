import type { CheckVerdict } from '@mini-netumo/contracts';
import { emptyHistogram, histogramBucket } from './latency-histogram';

/** What one check adds to its hour and day rollups. Latency statistics use successful checks only: a
 *  timeout's 10 s says nothing about how fast the site answers. A successful check in maintenance is still
 *  a real measurement of what users got, so it stays in the latency figures. */
export interface RollupIncrement {
  checks: number;
  failures: number;
  unknowns: number;
  /** Made in a maintenance window; such a check is counted here instead of in failures or unknowns. */
  maintenance: number;
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  histogram: number[];
}

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
