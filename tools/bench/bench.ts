import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { applyMigrations, openDatabase } from '@mini-netumo/domain';
import { insertBenchMonitors, missedChecks } from './bench-monitors';
import { measureWindow } from './measure-window';
import { benchWorkerEnv, forkBenchWorker } from './bench-worker-process';
import { runDeadlinePhase, runPingPhase } from './heartbeat-phases';
import { runFleetScale, runTwoWorkers } from './fleet-phases';
import { runLoadPhase } from './load-phase';
import { runStatusPagePhase } from './status-page-phase';
import { measureOverviewInBrowser, type OverviewInBrowser } from './overview-browser-phase';
import { timeOverview, type OverviewFigure } from './overview-phase';
import { seedHistory } from './seed-history';
import { measureRawCeiling } from './raw-ceiling';

/**
 * `npm run bench [-- --quick] [-- --backend=redis|postgres|both]`: end-to-end throughput and scheduling lag
 * of the real worker against a loopback target, the raw undici ceiling on the same target, and the cost of
 * the overview (`stats.overview`) over 1,000 and 10,000 monitors with a month of history. Loopback only; bounded in
 * count and time.
 */
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const backendArg = [...args].find((arg) => arg.startsWith('--backend='))?.split('=')[1] ?? 'both';
const backends = (backendArg === 'both' ? ['redis', 'postgres'] : [backendArg]) as ('redis' | 'postgres')[];
/** `--only=summary` (or throughput, fleet, load, scale, pings, deadlines, status) runs one phase while tuning it; the default runs all. */
const only = [...args].find((arg) => arg.startsWith('--only='))?.split('=')[1];
const runs = (phase: string) => !only || only === phase;
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Concurrent senders in the sustained ping runs (ours and the bare server alike). Pings come from many machines
 * at once; the intake commits what arrives together in one transaction, so with few senders the figure would
 * measure the senders' round trips rather than the listener.
 */
const PING_SENDERS = 256;
const PLAN = quick
  ? {
      // More than one worker can check every second: the phase measures its ceiling, not the fleet's pace.
      throughputMonitors: 4_000,
      throughputSeconds: 8,
      fleetMonitors: 2_000,
      fleetInterval: 20,
      fleetSeconds: 15,
      rawSeconds: 5,
      overviewCalls: { '1000': 100, '10000': 20 },
      overviewLoads: 5,
      load: { sizes: [1_000, 2_000], intervalSeconds: 20, warmUpSeconds: 5, seconds: 15 },
      scale: { monitors: 100_000, intervalSeconds: 60, warmUpSeconds: 10, seconds: 15 },
      workers: { monitors: 1_000, intervalSeconds: 20, warmUpSeconds: 5 },
      pings: { heartbeats: 1_000, sustainedSeconds: 5, concurrency: PING_SENDERS, fixedRate: 1_000, fixedSeconds: 5 },
      deadlines: { heartbeats: 2_000, spreadSeconds: 10 },
      statusPage: { monitors: 100, sustainedSeconds: 5, concurrency: 32, fixedRate: 200, fixedSeconds: 5 },
    }
  : {
      throughputMonitors: 4_000,
      throughputSeconds: 60,
      fleetMonitors: 10_000,
      fleetInterval: 60,
      fleetSeconds: 600,
      rawSeconds: 15,
      overviewCalls: { '1000': 200, '10000': 50 },
      overviewLoads: 5,
      load: { sizes: [1_000, 2_000], intervalSeconds: 20, warmUpSeconds: 90, seconds: 120 },
      scale: { monitors: 100_000, intervalSeconds: 60, warmUpSeconds: 20, seconds: 120 },
      workers: { monitors: 2_000, intervalSeconds: 20, warmUpSeconds: 10 },
      pings: { heartbeats: 1_000, sustainedSeconds: 20, concurrency: PING_SENDERS, fixedRate: 1_000, fixedSeconds: 20 },
      deadlines: { heartbeats: 10_000, spreadSeconds: 30 },
      statusPage: { monitors: 100, sustainedSeconds: 20, concurrency: 32, fixedRate: 200, fixedSeconds: 20 },
    };
/** Before a measured window: the worker's first claims and connections, not a burst (first slots are spread). */
const WARM_UP_MS = 5_000;

interface PhaseResult {
  checks: number;
  seconds: number;
  throughput: number;
  lags: { p50: number; p95: number; p99: number };
  cpuMsPerCheck: number;
  workerRssMb: number;
  /** Monitors behind at the end of the window (see missedChecks). */
  missed: number;
}

const EMPTY_PHASE: PhaseResult = {
  checks: 0,
  seconds: 0,
  throughput: 0,
  lags: { p50: 0, p95: 0, p99: 0 },
  cpuMsPerCheck: 0,
  workerRssMb: 0,
  missed: 0,
};

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main() {
  const target = await startTarget();
  const targetUrl = `http://127.0.0.1:${target.port}/`;
  log(`target on ${targetUrl}; measuring the raw ceiling for ${PLAN.rawSeconds} s`);
  const rawCeiling = runs('throughput') ? await measureRawCeiling(targetUrl, PLAN.rawSeconds * 1_000, 64) : 0;

  const rows: Record<string, number | string>[] = [];
  // The heartbeat phases need neither the target nor a queue backend of their own.
  const perBackend = runs('throughput') || runs('fleet');
  for (const backend of perBackend ? backends : []) {
    const database = await createDatabase();
    try {
      const throughputPhase = runs('throughput')
        ? await runPhase(backend, database.url, targetUrl, PLAN.throughputMonitors, 1, PLAN.throughputSeconds)
        : EMPTY_PHASE;
      await database.reset();
      const fleetPhase = runs('fleet')
        ? await runPhase(backend, database.url, targetUrl, PLAN.fleetMonitors, PLAN.fleetInterval, PLAN.fleetSeconds)
        : EMPTY_PHASE;
      rows.push({
        backend,
        throughput: round(throughputPhase.throughput),
        rawCeiling: round(rawCeiling),
        throughputRatio: round(throughputPhase.throughput / rawCeiling, 3),
        rowsPerSecond: round(throughputPhase.throughput),
        cpuMsPerCheck: round(throughputPhase.cpuMsPerCheck, 3),
        fleetMonitors: PLAN.fleetMonitors,
        fleetIntervalS: PLAN.fleetInterval,
        lagP50Ms: fleetPhase.lags.p50,
        lagP95Ms: fleetPhase.lags.p95,
        lagP99Ms: fleetPhase.lags.p99,
        missed: fleetPhase.missed,
        fleetCpuPctOfCore: round((fleetPhase.cpuMsPerCheck * fleetPhase.throughput) / 10, 1),
        workerRssMb: Math.max(throughputPhase.workerRssMb, fleetPhase.workerRssMb),
        // The fleet's pace alone (the 10,000 monitors every 60 s in the full run), without the saturation phase.
        fleetWorkerRssMb: fleetPhase.workerRssMb,
        redisMb: backend === 'redis' ? await redisMemoryMb() : 0,
      });
    } finally {
      await database.drop();
    }
  }
  // The overview reads PostgreSQL only, whatever the queue backend: timed once.
  const overview = runs('summary') ? await runOverview() : {};
  const load = runs('load') ? await runOrdinaryLoad(targetUrl) : {};
  const scale = runs('scale') ? await runFleetAtScale(targetUrl) : {};
  target.process.kill('SIGTERM');
  const heartbeats = await runHeartbeatPhases();
  const statusPage = runs('status') ? await runStatusPage() : {};

  console.table(rows);
  const primary = rows[0] ?? {};
  console.log(JSON.stringify({ ...primary, ...overview, ...load, ...scale, ...heartbeats, ...statusPage, all: rows, quick }));
}

/** CPU per check of every process of ours (api, worker, PostgreSQL, Redis) at an ordinary load, per fleet size. */
async function runOrdinaryLoad(targetUrl: string): Promise<Record<string, unknown>> {
  const database = await createDatabase();
  try {
    const figures = await runLoadPhase(database, targetUrl, REDIS_URL, PLAN.load, log);
    return {
      cpuMsPerCheckAll: Object.fromEntries(Object.entries(figures).map(([size, figure]) => [size, figure.msPerCheck])),
      cpuBreakdown: Object.fromEntries(Object.entries(figures).map(([size, figure]) => [size, figure.breakdown])),
      cpuMsPerCheckWarmUp: Object.fromEntries(Object.entries(figures).map(([size, figure]) => [size, figure.warmUpMsPerCheck])),
    };
  } finally {
    await database.drop();
  }
}

/** 100,000 monitors on one worker, a restart of it, and two workers sharing a fleet while one is killed. */
async function runFleetAtScale(targetUrl: string): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const database = await createDatabase();
  try {
    const { restartScheduleSeconds, ...fleet } = await runFleetScale(database.url, targetUrl, REDIS_URL, PLAN.scale, log);
    Object.assign(figures, { fleet100k: fleet, restartScheduleSeconds });
    await database.reset();
    figures['twoWorkers'] = await runTwoWorkers(database.url, targetUrl, REDIS_URL, PLAN.workers, log);
  } finally {
    await database.drop();
  }
  return figures;
}

/**
 * Heartbeats (on the PostgreSQL queue backend, as `npm start` runs): durable pings per second and their latency
 * at a fixed rate against a bare node:http server in the same run, then how late passed deadlines are decided.
 */
async function runHeartbeatPhases(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  if (runs('pings')) {
    const database = await createDatabase();
    try {
      const { ours, bare } = await runPingPhase(database.url, here, PLAN.pings, log);
      Object.assign(figures, {
        // Every ping a new slot, so also a check: the figure a fleet of jobs pinging once a period sees.
        pingsPerSecond: round(ours.slots.perSecond),
        pingRefreshPerSecond: round(ours.refresh.perSecond),
        barePingsPerSecond: round(bare.sustained.perSecond),
        pingRatio: round(ours.slots.perSecond / bare.sustained.perSecond, 3),
        pingFixedRate: PLAN.pings.fixedRate,
        pingP50Ms: ours.fixed.p50Ms,
        pingP99Ms: ours.fixed.p99Ms,
        bareP50Ms: bare.fixed.p50Ms,
        bareP99Ms: bare.fixed.p99Ms,
        pingErrors: ours.slots.errors + ours.refresh.errors + ours.fixed.errors,
      });
    } finally {
      await database.drop();
    }
  }
  if (runs('deadlines')) {
    const database = await createDatabase();
    try {
      const deadlines = await runDeadlinePhase(database.url, PLAN.deadlines.heartbeats, PLAN.deadlines.spreadSeconds, log);
      Object.assign(figures, {
        deadlineHeartbeats: PLAN.deadlines.heartbeats,
        deadlinesDecided: deadlines.decided,
        deadlineLagP50Ms: deadlines.lagP50Ms,
        deadlineLagP99Ms: deadlines.lagP99Ms,
      });
    } finally {
      await database.drop();
    }
  }
  return figures;
}

/** A public status page of 100 monitors against a bare node:http server answering its bytes, same run. */
async function runStatusPage(): Promise<Record<string, number>> {
  const database = await createDatabase();
  try {
    const { coldMs, bytes, ours, bare } = await runStatusPagePhase(database.url, here, PLAN.statusPage, log);
    return {
      statusPageMonitors: PLAN.statusPage.monitors,
      statusPageBytes: bytes,
      statusPageColdMs: coldMs,
      statusPageP50Ms: ours.fixed.p50Ms,
      statusPageP95Ms: ours.fixed.p95Ms,
      statusPageRps: round(ours.sustained.perSecond),
      bareStatusPageRps: round(bare.sustained.perSecond),
      bareStatusPageP95Ms: bare.fixed.p95Ms,
      statusPageRatio: round(ours.sustained.perSecond / bare.sustained.perSecond, 3),
      statusPageErrors: ours.sustained.errors + ours.fixed.errors,
    };
  } finally {
    await database.drop();
  }
}

/** N monitors at `intervalSeconds`, the real worker in a child process, measured for `seconds`. */
async function runPhase(
  backend: 'redis' | 'postgres',
  databaseUrl: string,
  targetUrl: string,
  monitorCount: number,
  intervalSeconds: number,
  seconds: number,
): Promise<PhaseResult> {
  const env = benchWorkerEnv(databaseUrl, backend === 'redis' ? REDIS_URL : undefined);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  log(`${backend}: creating ${monitorCount} monitors every ${intervalSeconds} s`);
  // The worker first: monitors inserted before it could start would be a backlog it starts behind.
  const worker = await forkBenchWorker(env, log);
  await insertBenchMonitors(sql, { targetUrl, count: monitorCount, intervalSeconds, label: 'bench' });
  // A short warm-up: the monitors' first slots are spread over the first interval, so there is no burst to wait out.
  await sleep(WARM_UP_MS);
  const window = await measureWindow(sql, [worker], seconds);
  const { checks, lags } = window;
  const elapsed = window.seconds;
  const missed = await missedChecks(sql);
  await worker.stop();
  await sql.end();
  const throughput = checks / elapsed;
  log(`${backend}: ${checks} checks in ${elapsed.toFixed(1)} s = ${throughput.toFixed(0)}/s`);
  return {
    checks,
    seconds: elapsed,
    throughput,
    lags,
    cpuMsPerCheck: checks ? window.cpuMs[0]! / checks : 0,
    workerRssMb: Math.round(worker.latest().maxRss / 1_048_576),
    missed,
  };
}

/**
 * The overview at 1,000 and 10,000 monitors, each on its own database with a month of history: its server time
 * and size, then as a user opens it in Chromium (first row visible, the page's heap).
 */
async function runOverview(): Promise<Record<string, unknown>> {
  const server: Record<string, OverviewFigure> = {};
  const browser: Record<string, OverviewInBrowser> = {};
  for (const [size, calls] of Object.entries(PLAN.overviewCalls)) {
    const database = await createDatabase();
    try {
      const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
      log(`overview: seeding a month of history for ${size} monitors`);
      await seedHistory(sql, Number(size), new Date());
      await sql.end();
      server[size] = await timeOverview(database.url, Number(size), calls, log);
      browser[size] = await measureOverviewInBrowser(database.url, Number(size), PLAN.overviewLoads, log);
    } finally {
      await database.drop();
    }
  }
  const [small, large] = [server['1000'], server['10000']];
  return {
    summaryP50Ms: small?.p50Ms ?? 0,
    summaryP95Ms: small?.p95Ms ?? 0,
    summaryQueries: small?.queries ?? 0,
    summaryBytes1k: small?.wireBytes ?? 0,
    summaryP95Ms10k: large?.p95Ms ?? 0,
    summaryBytes10k: large?.wireBytes ?? 0,
    summaryRawBytes10k: large?.rawBytes ?? 0,
    overviewFirstRowMs: Object.fromEntries(Object.entries(browser).map(([size, figure]) => [size, figure.firstRowP95Ms])),
    overviewColdFirstRowMs: Object.fromEntries(Object.entries(browser).map(([size, figure]) => [size, figure.coldMs])),
    overviewHeapMb: Object.fromEntries(Object.entries(browser).map(([size, figure]) => [size, figure.heapMb])),
  };
}

async function createDatabase() {
  const name = `bench_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const schema = openDatabase(url.toString());
  await applyMigrations(schema);
  await schema.close();
  return {
    url: url.toString(),
    async reset() {
      const db = postgres(url.toString(), { max: 1, onnotice: () => undefined });
      await db.unsafe('truncate monitors cascade');
      await db.end();
    },
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function redisMemoryMb(): Promise<number> {
  const redis = new Redis(REDIS_URL);
  const info = await redis.info('memory');
  redis.disconnect();
  return round(Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 1_048_576, 1);
}

async function startTarget(): Promise<{ process: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${here}target-server.ts`], {
    env: {
      ...process.env,
      LATENCY_MS: process.env.BENCH_TARGET_LATENCY_MS ?? '5',
      FAILURE_RATE: process.env.BENCH_TARGET_FAILURE_RATE ?? '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { process: child, port: Number(chunk.toString().trim()) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
