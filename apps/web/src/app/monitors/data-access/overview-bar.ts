import {
  OVERVIEW_HOURS,
  SPARK_STATE_CODES,
  decodeLatencies,
  encodeLatencies,
  type BucketState,
  type CheckResult,
} from '@mini-netumo/contracts';

const HOUR_MS = 3_600_000;
const STATE_OF_CODE = new Map(Object.entries(SPARK_STATE_CODES).map(([state, code]) => [code, state as BucketState]));
const NONE = SPARK_STATE_CODES.none;

/**
 * A monitor's 24 h bar as the overview snapshot sends it: one state code per hour and the hours' average latencies
 * as text. Kept in this form (not 24 objects with a date each) because the overview holds one per monitor of the
 * fleet; only the rows on screen are turned into cells (barCells).
 */
export interface OverviewBar {
  /** Start of the first hour; hour i starts i hours later. */
  firstHourMs: number;
  /** OVERVIEW_HOURS codes of SPARK_STATE_CODES. */
  states: string;
  /** The contract's encodeLatencies text. */
  latencies: string;
}

export const EMPTY_LATENCIES = ','.repeat(OVERVIEW_HOURS - 1);

export const hourStart = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** 24 empty hours ending with the hour of `nowMs`: the bar of a monitor the snapshot did not have. */
export function emptyBar(nowMs: number): OverviewBar {
  return {
    firstHourMs: hourStart(nowMs) - (OVERVIEW_HOURS - 1) * HOUR_MS,
    states: NONE.repeat(OVERVIEW_HOURS),
    latencies: EMPTY_LATENCIES,
  };
}

/** Weakest first: a bucket shows the strongest state among its checks (a check in maintenance is `maintenance`). */
const STATE_RANK: readonly BucketState[] = ['none', 'unknown', 'maintenance', 'up', 'down'];

/**
 * The server's rule for one bucket, applied one check at a time: any failure outside maintenance makes it
 * down, any success outside it up; only maintenance and unknown checks make it maintenance; all-unknown is
 * unknown. Order does not matter, so live checks and a later refetch agree.
 */
export function mergeState(current: BucketState, verdict: CheckResult['verdict'], inMaintenance: boolean): BucketState {
  const incoming: BucketState = inMaintenance ? 'maintenance' : verdict;
  return STATE_RANK.indexOf(incoming) > STATE_RANK.indexOf(current) ? incoming : current;
}

export const stateAt = (bar: OverviewBar, hour: number): BucketState => STATE_OF_CODE.get(bar.states[hour] ?? NONE) ?? 'none';

/** The bar ending with the hour of `nowMs`; the same bar when it already does. */
export function barAlignedTo(bar: OverviewBar, nowMs: number): OverviewBar {
  const shift = Math.round((hourStart(nowMs) - (OVERVIEW_HOURS - 1) * HOUR_MS - bar.firstHourMs) / HOUR_MS);
  if (shift <= 0) return bar;
  if (shift >= OVERVIEW_HOURS) return emptyBar(nowMs);
  return {
    firstHourMs: bar.firstHourMs + shift * HOUR_MS,
    states: bar.states.slice(shift) + NONE.repeat(shift),
    latencies: encodeLatencies([...decodeLatencies(bar.latencies).slice(shift), ...Array<null>(shift).fill(null)]),
  };
}

/**
 * The bar with one more check in it, by the server's rule for a bucket (mergeState); a check opening a new hour
 * slides the bar. A check older than the bar is ignored. Returns the same bar when nothing changes.
 */
export function barWithCheck(
  bar: OverviewBar,
  result: Pick<CheckResult, 'checkedAt' | 'verdict' | 'inMaintenance' | 'latencyMs'>,
): OverviewBar {
  const slid = barAlignedTo(bar, result.checkedAt.getTime());
  const hour = Math.round((hourStart(result.checkedAt.getTime()) - slid.firstHourMs) / HOUR_MS);
  if (hour < 0 || hour >= OVERVIEW_HOURS) return bar;
  const current = stateAt(slid, hour);
  const state = mergeState(current, result.verdict, result.inMaintenance);
  const latencies = decodeLatencies(slid.latencies);
  const latency = latencies[hour] ?? (result.verdict === 'up' ? result.latencyMs : null);
  if (slid === bar && state === current && latency === latencies[hour]) return bar;
  latencies[hour] = latency;
  const states = slid.states.slice(0, hour) + SPARK_STATE_CODES[state] + slid.states.slice(hour + 1);
  return { firstHourMs: slid.firstHourMs, states, latencies: encodeLatencies(latencies) };
}
