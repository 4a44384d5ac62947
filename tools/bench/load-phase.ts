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
  /** Before each window. */
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
      // The monitors' first slots are spread over the first interval, as a fleet's are: the warm-up only lets the
      // processes open their connections and fill their caches.
      await sleep(plan.warmUpSeconds * 1_000);
      const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
      const before = await countResults(sql);
      const window = startCpuWindow({
        api: () => [api.process.pid ?? 0],
        worker: () => [worker.pid ?? 0],
        postgres: () => pidsNamed('postgres'),
        redis: () => pidsNamed('redis-server'),
      });
      await sleep(plan.seconds * 1_000);
      const used = window();
      const checks = (await countResults(sql)) - before;
      await sql.end();
      const total = Object.values(used).reduce((sum, ms) => sum + ms, 0);
      const perCheck = (ms: number) => (checks ? Math.round((ms / checks) * 1_000) / 1_000 : 0);
      figures[String(size)] = {
        checks,
        msPerCheck: perCheck(total),
        breakdown: Object.fromEntries(Object.entries(used).map(([group, ms]) => [group, perCheck(ms)])),
      };
      log(
        `load: ${size} monitors: ${checks} checks in ${plan.seconds} s, ${perCheck(total)} ms CPU per check (` +
          Object.entries(used)
            .map(([group, ms]) => `${group} ${perCheck(ms)}`)
            .join(', ') +
          ')',
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
