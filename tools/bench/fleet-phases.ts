import postgres from 'postgres';
import { countResults, insertBenchMonitors, missedChecks } from './bench-monitors';
import { measureWindow } from './measure-window';
import { benchWorkerEnv, forkBenchWorker } from './bench-worker-process';

type Log = (line: string) => void;

export interface FleetScalePlan {
  monitors: number;
  intervalSeconds: number;
  warmUpSeconds: number;
  seconds: number;
}

export interface FleetScaleFigures {
  monitors: number;
  checks: number;
  /** Monitors behind at the end of the window (see missedChecks). */
  missed: number;
  lagP99Ms: number;
  workerCpuPct: number;
  workerRssMb: number;
  /** A worker killed with -9 and a new one started: seconds from its start until checks are stored again. */
  restartScheduleSeconds: number;
}

/**
 * One worker on Redis with a large fleet against the loopback target: whether every check of the window ran, how
 * late, at what CPU and memory. Then the worker is killed (-9) and a new one started: checks need nothing
 * rebuilt, so the figure is the new process's start-up to its first stored check.
 */
export async function runFleetScale(
  databaseUrl: string,
  targetUrl: string,
  redisUrl: string,
  plan: FleetScalePlan,
  log: Log,
): Promise<FleetScaleFigures> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const env = benchWorkerEnv(databaseUrl, redisUrl);
  try {
    log(`fleet scale: ${plan.monitors} monitors every ${plan.intervalSeconds} s on Redis`);
    // The worker first: monitors inserted before it could start would be a backlog it starts behind.
    const worker = await forkBenchWorker(env, log);
    await insertBenchMonitors(sql, { targetUrl, count: plan.monitors, intervalSeconds: plan.intervalSeconds, label: 'fleet' });
    await sleep(plan.warmUpSeconds * 1_000);
    const window = await measureWindow(sql, [worker], plan.seconds);
    const figures = {
      monitors: plan.monitors,
      checks: window.checks,
      missed: await missedChecks(sql),
      lagP99Ms: window.lags.p99,
      workerCpuPct: round((window.cpuMs[0]! / (window.seconds * 1_000)) * 100, 1),
      workerRssMb: Math.round(worker.latest().maxRss / 1_048_576),
    };
    log(`fleet scale: ${JSON.stringify(figures)}`);

    // A profiled run stops it cleanly instead: a process killed with -9 writes no profile.
    await (process.env.BENCH_CPU_PROF ? worker.stop() : worker.kill());
    const restartedAt = new Date();
    const next = await forkBenchWorker(env, log);
    while ((await countResults(sql, restartedAt)) === 0) await sleep(50);
    const restartScheduleSeconds = round((Date.now() - restartedAt.getTime()) / 1_000, 2);
    await next.stop();
    return { ...figures, restartScheduleSeconds };
  } finally {
    await sql.end();
  }
}

export interface TwoWorkerPlan {
  monitors: number;
  intervalSeconds: number;
  warmUpSeconds: number;
}

export interface TwoWorkerFigures {
  monitors: number;
  /** Checks each worker started over one interval. */
  checksPerWorker: number[];
  /** Slots checked more than once, over the whole phase. */
  duplicates: number;
  /** After one worker is killed with -9: monitors with no check within an interval and 5 s. */
  missedAfterKill: number;
  /** DOWN verdicts against a target that never failed. */
  falseDown: number;
}

/**
 * Two workers on one Redis and one database share a fleet; then one is killed with -9 and the other must take
 * over its share within an interval, with no slot checked twice and no false DOWN.
 */
export async function runTwoWorkers(
  databaseUrl: string,
  targetUrl: string,
  redisUrl: string,
  plan: TwoWorkerPlan,
  log: Log,
): Promise<TwoWorkerFigures> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const env = benchWorkerEnv(databaseUrl, redisUrl);
  try {
    log(`two workers: ${plan.monitors} monitors every ${plan.intervalSeconds} s`);
    const workers = [await forkBenchWorker(env, log), await forkBenchWorker(env, log)];
    await insertBenchMonitors(sql, { targetUrl, count: plan.monitors, intervalSeconds: plan.intervalSeconds, label: 'shared' });
    await sleep(plan.warmUpSeconds * 1_000);
    const before = await Promise.all(workers.map((worker) => worker.report()));
    await sleep(plan.intervalSeconds * 1_000);
    const after = await Promise.all(workers.map((worker) => worker.report()));
    const checksPerWorker = after.map((report, i) => report.started - before[i]!.started);

    await workers[1]!.kill();
    const killedAt = new Date();
    const graceMs = plan.intervalSeconds * 1_000 + 5_000;
    await sleep(graceMs);
    const [missed] = await sql<{ count: number }[]>`
      select count(*)::int as count from monitors m
      where not exists (select 1 from check_results r where r.monitor_id = m.id
        and r.checked_at > ${killedAt.toISOString()}::timestamptz
        and r.checked_at <= ${new Date(killedAt.getTime() + graceMs).toISOString()}::timestamptz)`;
    await workers[0]!.stop();
    const [duplicates] = await sql<{ count: number }[]>`
      select count(*)::int as count from (select 1 from check_results group by monitor_id, slot_at having count(*) > 1) twice`;
    const [falseDown] = await sql<{ count: number }[]>`select count(*)::int as count from check_results where verdict = 'down'`;
    const figures = {
      monitors: plan.monitors,
      checksPerWorker,
      duplicates: duplicates?.count ?? 0,
      missedAfterKill: missed?.count ?? 0,
      falseDown: falseDown?.count ?? 0,
    };
    log(`two workers: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await sql.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
