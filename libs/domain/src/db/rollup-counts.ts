// The counters a check_rollups bucket holds: the uptime maths (evaluation/) and the rollup reads and
// writes (db/queries/) share them, so they live below both.

/**
 * Each check counts in at most one of failures, unknowns and maintenance: a check made in a maintenance
 * window counts as maintenance whatever its verdict, so failures and unknowns are those outside windows.
 */
export interface Counts {
  checks: number;
  failures: number;
  unknowns: number;
  maintenance: number;
}

/** What one check adds to its hour and day rollups. Latency statistics use successful checks only: a
 *  timeout's 10 s says nothing about how fast the site answers. A successful check in maintenance is still
 *  a real measurement of what users got, so it stays in the latency figures. */
export interface RollupIncrement extends Counts {
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  histogram: number[];
}
