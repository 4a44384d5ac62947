import { Pool } from 'undici';
import { percentile } from './percentiles';

export interface LoadResult {
  /** Answers of 200 per second. */
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers other than 200 (each one a failure of the bench, reported, never hidden). */
  errors: number;
  /** Requests sent: more than the paths given means some path was sent twice. */
  sent: number;
}

/**
 * Pings as fast as `concurrency` keep-alive connections allow, for `durationMs`: the sustained rate. Every 200
 * counted was committed before it was sent (the listener answers only then).
 */
export async function closedLoop(base: string, paths: string[], durationMs: number, concurrency: number): Promise<LoadResult> {
  const pool = new Pool(base, { connections: concurrency, pipelining: 1 });
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + durationMs;
  const started = performance.now();
  const loop = async () => {
    while (Date.now() < deadline) {
      const path = paths[next++ % paths.length] as string;
      const sent = performance.now();
      const response = await pool.request({ method: 'GET', path });
      await response.body.dump();
      if (response.statusCode === 200) times.push(performance.now() - sent);
      else if (errors++ === 0) process.stderr.write(`[bench] first failed ping: ${response.statusCode} ${path}\n`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const result = resultOf(times, started, errors, next);
  await pool.close();
  return result;
}

/**
 * Pings at a fixed `rate` per second for `durationMs`, whatever the answers' speed (an open loop, as many
 * independent jobs are): the latency a job sees at that load.
 */
export async function openLoop(base: string, paths: string[], durationMs: number, rate: number): Promise<LoadResult> {
  const pool = new Pool(base, { connections: 128, pipelining: 1 });
  const times: number[] = [];
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  const total = Math.round((rate * durationMs) / 1_000);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1_000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(
      pool.request({ method: 'GET', path: paths[i % paths.length] as string }).then(async (response) => {
        await response.body.dump();
        if (response.statusCode === 200) times.push(performance.now() - sent);
        else errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  const result = resultOf(times, started, errors, total);
  await pool.close();
  return result;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The figures of a run that began at `started` (performance.now()) and has just ended. */
function resultOf(times: number[], started: number, errors: number, sent: number): LoadResult {
  const seconds = (performance.now() - started) / 1_000;
  const at = (q: number) => round(percentile(times, q));
  return { perSecond: times.length / seconds, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), errors, sent };
}
