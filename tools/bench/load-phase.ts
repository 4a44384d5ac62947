import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { ensureBundle } from '../build/ensure-bundle';
import { countResults, insertBenchMonitors } from './bench-monitors';
import { pidsNamed, startCpuWindow } from './process-cpu';
import { startProductApi, startProductWorker, stopProcess } from './product-processes';

type Log = (line: string) => void;

export interface LoadPlan {
  /** Fleet sizes measured one after the other, each on an empty database. */
  sizes: number[];
  intervalSeconds: number;
  /**
   * Before each window, measured apart. V8 optimises the check path as it runs hot: at 50 checks a second
   * (`--trace-opt`) it optimised ~430, ~330 and ~240 functions in the first three 20 s steps and ~100 a step after,
   * and the worker's CPU per check, 1.4–1.6 ms in the second 20 s, was 0.75–1.3 ms from a minute on. A user's server
   * runs for days: the window measures that steady state, and the warm-up is reported apart.
   */
  warmUpSeconds: number;
  /** The measured window per size. */
  seconds: number;
}

export interface LoadFigure {
  checks: number;
  /** CPU of every process of ours, databases included, per stored check. */
  msPerCheck: number;
  /** The same by process: api, worker, postgres (every backend), redis. */
  breakdown: Record<string, number>;
  /** The same over the warm-up (from when the api answers): what the first minute after a restart costs. */
  warmUpMsPerCheck: number;
}

/**
 * An ordinary load, as a user's small server sees it: the real api and worker (the bundles `npm start` runs, on
 * Redis), HTTP monitors every `intervalSeconds` against one loopback target, and the CPU of every process of ours
 * read from /proc over the window, PostgreSQL and Redis included. The target's own CPU is not ours and not
 * counted. Fixed costs per check (queue round trips, small write batches, live events) show here, not at saturation.
 */
export async function runLoadPhase(
  database: { url: string; reset(): Promise<void> },
  targetUrl: string,
  redisUrl: string,
  plan: LoadPlan,
  log: Log,
): Promise<Record<string, LoadFigure>> {
  await ensureBundle('server', log);
  const figures: Record<string, LoadFigure> = {};
  for (const size of plan.sizes) {
    await database.reset();
    const seed = postgres(database.url, { max: 1, onnotice: () => undefined });
    await insertBenchMonitors(seed, { targetUrl, count: size, intervalSeconds: plan.intervalSeconds, label: 'load' });
    await seed.end();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench-load-${randomBytes(3).toString('hex')}`,
      CANARY_URL: '',
      // Every bench monitor targets the one loopback host: the per-host politeness cap is not what is measured.
      PER_HOST_CONCURRENCY: '200',
    };
    const api = await startProductApi(env);
    const worker = startProductWorker(env);
    try {
      log(`load: ${size} monitors every ${plan.intervalSeconds} s; warming up for ${plan.warmUpSeconds} s`);
      const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
      const groups = {
        api: () => [api.process.pid ?? 0],
        worker: () => [worker.pid ?? 0],
        postgres: () => pidsNamed('postgres'),
        redis: () => pidsNamed('redis-server'),
      };
      // The monitors' first slots are spread over the first interval, as a fleet's are.
      const startedWith = await countResults(sql);
      const warmUp = startCpuWindow(groups);
      await sleep(plan.warmUpSeconds * 1_000);
      const warmUpUsed = warmUp();
      const before = await countResults(sql);
      const window = startCpuWindow(groups);
      await sleep(plan.seconds * 1_000);
      const used = window();
      const checks = (await countResults(sql)) - before;
      await sql.end();
      const total = sumOf(used);
      const perCheck = (ms: number, of = checks) => (of ? Math.round((ms / of) * 1_000) / 1_000 : 0);
      const warmUpMsPerCheck = perCheck(sumOf(warmUpUsed), before - startedWith);
      figures[String(size)] = {
        checks,
        msPerCheck: perCheck(total),
        breakdown: Object.fromEntries(Object.entries(used).map(([group, ms]) => [group, perCheck(ms)])),
        warmUpMsPerCheck,
      };
      log(
        `load: ${size} monitors: ${checks} checks in ${plan.seconds} s, ${perCheck(total)} ms CPU per check (` +
          Object.entries(used)
            .map(([group, ms]) => `${group} ${perCheck(ms)}`)
            .join(', ') +
          `); over the warm-up ${warmUpMsPerCheck} ms`,
      );
    } finally {
      await Promise.all([stopProcess(worker), stopProcess(api.process)]);
      await deleteKeys(redisUrl, String(env.QUEUE_PREFIX));
    }
  }
  return figures;
}

/** The run's queue keys, so runs do not pile up job schedulers in a shared Redis. */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const sumOf = (used: Record<string, number>) => Object.values(used).reduce((sum, ms) => sum + ms, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
