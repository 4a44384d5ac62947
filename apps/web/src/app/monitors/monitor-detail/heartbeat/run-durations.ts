import type { HeartbeatPing } from '@mini-netumo/contracts';

/** One run that reported its start and its finish. */
export interface RunDuration {
  pingId: number;
  finishedAt: Date;
  ms: number;
}

export interface RunDurations {
  /** Newest first. */
  runs: RunDuration[];
  medianMs: number | null;
}

/** How many recent runs are shown and summed up: enough to see a trend, few enough to read. */
export const RECENT_RUNS = 20;

/** The recent runs among the pings (newest first, as the log has them): the finishes that carry a duration. */
export function runDurations(pings: readonly HeartbeatPing[]): RunDurations {
  const runs = pings
    .filter((ping): ping is HeartbeatPing & { durationMs: number } => ping.durationMs !== null)
    .slice(0, RECENT_RUNS)
    .map((ping) => ({ pingId: ping.id, finishedAt: ping.receivedAt, ms: ping.durationMs }));
  return { runs, medianMs: median(runs.map((run) => run.ms)) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (index: number) => sorted[index] ?? 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}
