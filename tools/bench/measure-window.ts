import type postgres from 'postgres';
import { countResults, lagPercentiles } from './bench-monitors';
import type { BenchWorker } from './bench-worker-process';

/** Checks stored, their lag and each worker's CPU over a window of `seconds`. */
export async function measureWindow(sql: postgres.Sql, workers: BenchWorker[], seconds: number) {
  const before = await countResults(sql);
  const cpuBefore = await Promise.all(workers.map((worker) => worker.report()));
  const started = new Date();
  await sleep(seconds * 1_000);
  const ended = new Date();
  const cpuAfter = await Promise.all(workers.map((worker) => worker.report()));
  const checks = (await countResults(sql)) - before;
  return {
    seconds: (ended.getTime() - started.getTime()) / 1_000,
    checks,
    lags: await lagPercentiles(sql, started, ended),
    cpuMs: cpuAfter.map((report, i) => (report.cpuMicros - cpuBefore[i]!.cpuMicros) / 1_000),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
