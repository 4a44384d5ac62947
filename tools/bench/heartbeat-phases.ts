import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { ensureBundle } from '../build/ensure-bundle';
import { startBare } from './bare-server';
import { percentile } from './percentiles';
import { closedLoop, openLoop, type LoadResult } from './ping-load';
import { startProductApi, startProductWorker, stopProcess, withoutRedis } from './product-processes';

type Log = (line: string) => void;

export interface PingPlan {
  /** Heartbeats pinged over and over (after its first, each ping lands in a slot already answered). */
  heartbeats: number;
  sustainedSeconds: number;
  concurrency: number;
  fixedRate: number;
  fixedSeconds: number;
}

export interface PingFigures {
  ours: {
    /** Every ping a job's expected one: each records an UP check (result, rollups, monitor) with its ping. */
    slots: LoadResult;
    /** Pings in a slot already answered (a service pinging faster than its period): stored, the deadline moved. */
    refresh: LoadResult;
    /** At the fixed rate, every ping a new slot. */
    fixed: LoadResult;
  };
  bare: { sustained: LoadResult; fixed: LoadResult };
}

/** More fresh keys than the fastest sustained rate could use, so no slot ping repeats (repeats are reported). */
const FRESH_KEYS_PER_SECOND = 6_000;
const BENCH_SCHEDULE = { periodSeconds: 3600, cron: null, timezone: 'UTC', graceSeconds: 300 };

/**
 * `count` heartbeats inserted directly (the API's create is not what is measured), returning their ping paths.
 * `state` fills the times of heartbeats already running (SQL over the row's number `n`); none: pending ones.
 */
async function createHeartbeats(databaseUrl: string, count: number, settings: object, state?: string): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const keys = Array.from({ length: count }, () => randomBytes(18).toString('base64url'));
  await sql.unsafe(
    `insert into monitors (kind, name, url, settings, interval_seconds, timeout_ms, failure_threshold, recovery_threshold, retries, ping_key${state ? ', last_ping_at, last_slot_at, expected_at, deadline_at, status' : ''})
     select 'heartbeat', 'bench heartbeat ' || n, null, (select $1::text::jsonb), 300, 10000, 1, 1, 0, k${state ? `, ${state}` : ''}
     from unnest($2::text[]) with ordinality as t(k, n)`,
    // As text, cast by PostgreSQL: a string sent as json would be stored as a JSON string, not an object.
    [JSON.stringify(settings), keys],
  );
  await sql.end();
  return keys.map((key) => `/ping/${key}`);
}

/** Up, last pinged a period ago: the next ping answers a new slot (an UP check), as a job's nightly ping does. */
const DUE_NOW = `now() - interval '1 hour', now() - interval '1 hour', now(), now() + interval '300 seconds', 'up'`;

/** The real api as `npm start` runs it without Redis; the bench pings each key many times a minute, above the flood limit. */
const startApi = (databaseUrl: string) =>
  startProductApi({ ...withoutRedis(), DATABASE_URL: databaseUrl, PING_RATE_LIMIT_PER_MINUTE: '100000' });

/**
 * Durable pings per second and latency at a fixed rate, for our public listener and for a bare server. Ours
 * twice: pings that each answer a new slot (many jobs, each pinging once a period: every ping is also a check)
 * and pings that land in a slot already answered (only stored, the deadline moved).
 */
export async function runPingPhase(databaseUrl: string, here: string, plan: PingPlan, log: Log): Promise<PingFigures> {
  await ensureBundle('server', log);
  const refreshPaths = await createHeartbeats(databaseUrl, plan.heartbeats, BENCH_SCHEDULE);
  const slotPaths = await createHeartbeats(databaseUrl, plan.sustainedSeconds * FRESH_KEYS_PER_SECOND, BENCH_SCHEDULE, DUE_NOW);
  const fixedPaths = await createHeartbeats(databaseUrl, plan.fixedRate * plan.fixedSeconds, BENCH_SCHEDULE, DUE_NOW);
  const sustained = async (base: string, paths: string[], who: string, fresh = false) => {
    const result = await closedLoop(base, paths, plan.sustainedSeconds * 1_000, plan.concurrency);
    log(`${who}: ${result.perSecond.toFixed(0)} pings/s sustained (p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms)`);
    if (fresh && result.sent > paths.length) log(`${who}: ran out of fresh keys; ${result.sent - paths.length} pings repeated one`);
    return result;
  };
  const fixed = async (base: string, paths: string[], who: string) => {
    const result = await openLoop(base, paths, plan.fixedSeconds * 1_000, plan.fixedRate);
    log(`${who}: at ${plan.fixedRate}/s p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
    return result;
  };
  const api = await startApi(databaseUrl);
  let ours: PingFigures['ours'];
  try {
    // Warm-up: connections, JIT, the first batches (and each refresh heartbeat's first ping, which is a check).
    await closedLoop(api.publicBase, refreshPaths, 1_000, plan.concurrency);
    ours = {
      slots: await sustained(api.publicBase, slotPaths, 'pings, each a new slot', true),
      refresh: await sustained(api.publicBase, refreshPaths, 'pings in an answered slot'),
      fixed: await fixed(api.publicBase, fixedPaths, 'pings, each a new slot'),
    };
  } finally {
    await stopProcess(api.process);
  }
  const bare = await startBare(here);
  try {
    await closedLoop(bare.base, ['/'], 1_000, plan.concurrency);
    return {
      ours,
      bare: { sustained: await sustained(bare.base, ['/'], 'bare node:http'), fixed: await fixed(bare.base, ['/'], 'bare node:http') },
    };
  } finally {
    await stopProcess(bare.process);
  }
}

/**
 * `count` heartbeats whose deadlines pass over `spreadSeconds`, the real worker deciding them: how late after
 * its deadline each DOWN is recorded (check time minus slot, both stored with the check).
 */
export async function runDeadlinePhase(databaseUrl: string, count: number, spreadSeconds: number, log: Log) {
  await ensureBundle('server', log);
  const lead = 5;
  // Each heartbeat's last ping was a period ago; its deadline falls at a random point of the spread.
  await createHeartbeats(
    databaseUrl,
    count,
    { periodSeconds: 3600, cron: null, timezone: 'UTC', graceSeconds: 60 },
    `now() - interval '1 hour', now() - interval '1 hour',
       now() + make_interval(secs => ${lead} + random() * ${spreadSeconds}) - interval '60 seconds',
       now() + make_interval(secs => ${lead} + random() * ${spreadSeconds}), 'up'`,
  );
  // The deadline columns were filled per row from one random(): re-derive expected from deadline so they agree.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  await sql`update monitors set expected_at = deadline_at - interval '60 seconds' where kind = 'heartbeat' and deadline_at is not null`;
  const worker = startProductWorker({ ...withoutRedis(), DATABASE_URL: databaseUrl, CANARY_URL: '' });
  try {
    const until = Date.now() + (lead + spreadSeconds + 20) * 1_000;
    let decided = 0;
    while (Date.now() < until) {
      [{ decided = 0 } = { decided: 0 }] = await sql<{ decided: number }[]>`
        select count(*)::int as decided from check_results where error_kind = 'missed'`;
      if (decided >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const lags = (
      await sql<{ lag: number }[]>`
        select extract(epoch from (checked_at - slot_at)) * 1000 as lag from check_results where error_kind = 'missed'`
    ).map((row) => Number(row.lag));
    log(
      `deadlines: ${lags.length} of ${count} decided; lag p50 ${percentile(lags, 0.5).toFixed(0)} ms, p99 ${percentile(lags, 0.99).toFixed(0)} ms`,
    );
    return { decided: lags.length, lagP50Ms: Math.round(percentile(lags, 0.5)), lagP99Ms: Math.round(percentile(lags, 0.99)) };
  } finally {
    await stopProcess(worker);
    await sql.end();
  }
}
