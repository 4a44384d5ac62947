import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  freePort,
  startTargetServer,
  startThrowawayPostgres,
  startThrowawayRedis,
  type TargetServer,
  type ThrowawayPostgres,
  type ThrowawayRedis,
} from '@mini-netumo/domain/testing';
import { apiClient, type ApiClient } from './api-client';
import { startAppProcess, type AppProcess } from './app-process';
import { openFleetProbe, type FleetProbe } from './fleet-probe';
import { flushQueueTables, postgresSchedulers } from './postgres-queue-tables';

export type Backend = 'redis' | 'postgres';

/** The shortest interval a monitor may have: the fleet the issue was found with. */
export const INTERVAL_MS = 20_000;
const QUEUE_PREFIX = 'fault';

/**
 * Everything a fault test runs against, all its own: PostgreSQL, Redis (on the Redis backend), a loopback
 * target answering 200, and the real api and workers as separate processes started from the sources.
 */
export interface FaultStack {
  backend: Backend;
  postgres: ThrowawayPostgres;
  /** Present on the Redis backend only. */
  redis: ThrowawayRedis | undefined;
  api: ApiClient;
  probe: FleetProbe;
  target: TargetServer;
  /** How long the first worker took from spawn to "worker started": the start-up a joining worker also needs. */
  workerStartupMs: number;
  /** Spawns one more worker; `ready` resolves when it has reconciled and started processing. */
  addWorker(): { worker: AppProcess; ready: Promise<number> };
  /** Stops every worker and starts the same number again: only to undo a failed scenario for the next one. */
  restartWorkers(): Promise<void>;
  /**
   * Creates monitors through the api, spread evenly over `spreadOverMs` (0: as fast as it goes). A refused
   * creation is tried again (up to 3 times) so the scenario goes on; the refusals are returned.
   */
  createMonitors(count: number, spreadOverMs?: number): Promise<{ refusals: string[] }>;
  /** Every BullMQ job scheduler id, per queue, on whichever backend runs. */
  schedulers(): Promise<Map<string, string[]>>;
  /** FLUSHALL on Redis; on the PostgreSQL backend, every row of BullMQ's tables deleted. */
  flushQueue(): Promise<void>;
  /** The end of every process's log, for a failure message. */
  tails(lines?: number): string;
  /** Processes that exited without being stopped, in the order they were started. */
  crashes(): string[];
  /** Keep the processes' logs after stop (a test failed); everything else is removed. */
  keepLogs(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createFaultStack(backend: Backend): FaultStack {
  const dir = mkdtempSync(path.join(tmpdir(), `mn-fault-${backend}-`));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter this directory (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  const logDir = mkdtempSync(path.join(tmpdir(), `mn-fault-${backend}-logs-`));
  let keepLogs = false;
  const processes: AppProcess[] = [];
  let workers: AppProcess[] = [];
  let env: Record<string, string> = {};
  let started: Partial<Pick<FaultStack, 'postgres' | 'redis' | 'api' | 'probe' | 'target'>> = {};
  let monitorsMade = 0;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`fault stack: ${what} is not started`);
    return value;
  };
  const spawnWorker = () => {
    const worker = startAppProcess(`worker-${processes.length}`, 'apps/worker/src/main.ts', env, logDir);
    processes.push(worker);
    workers.push(worker);
    const spawnedAt = Date.now();
    return { worker, ready: worker.waitForLog(/worker started/, 120_000).then(() => Date.now() - spawnedAt) };
  };

  const stack: FaultStack = {
    backend,
    get postgres() {
      return need(started.postgres, 'postgres');
    },
    get redis() {
      return started.redis;
    },
    get api() {
      return need(started.api, 'api');
    },
    get probe() {
      return need(started.probe, 'probe');
    },
    get target() {
      return need(started.target, 'target');
    },
    workerStartupMs: 0,

    async start() {
      const postgres = await startThrowawayPostgres(path.join(dir, 'pg'));
      started.postgres = postgres;
      if (backend === 'redis') started.redis = await startThrowawayRedis();
      started.target = await startTargetServer();
      started.probe = openFleetProbe(postgres.url);
      const port = await freePort();
      env = {
        DATABASE_URL: postgres.url,
        ...(started.redis ? { REDIS_URL: started.redis.url } : {}),
        QUEUE_PREFIX,
        // Two workers on one machine: each its own free port for metrics and probes.
        WORKER_HTTP_PORT: '0',
        HOST: '127.0.0.1',
        PORT: String(port),
        // No canary: the target is the only thing checked, and it never fails.
        CANARY_URL: '',
        WORKER_CONCURRENCY: '50',
        // Only loopback traffic, ever: no RDAP, and WHOIS on a port where nothing listens.
        RDAP_BOOTSTRAP_URL: '',
        WHOIS_SERVER: '127.0.0.1:1',
      };
      const api = startAppProcess('api', 'apps/api/src/main.ts', env, logDir);
      processes.push(api);
      await api.waitForLog(/"message":"listening"/, 120_000);
      started.api = apiClient(`http://127.0.0.1:${port}`);
      stack.workerStartupMs = await spawnWorker().ready;
    },

    addWorker: spawnWorker,

    async restartWorkers() {
      const count = workers.length;
      await Promise.all(workers.map((worker) => worker.stop()));
      workers = [];
      await Promise.all(Array.from({ length: count }, () => spawnWorker().ready));
    },

    async createMonitors(count, spreadOverMs = 0) {
      const api = stack.api;
      const url = stack.target.url;
      const firstIndex = monitorsMade;
      monitorsMade += count;
      const startedAt = Date.now();
      const refusals: string[] = [];
      const create = async (i: number) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await api.createMonitor({
              name: `fault ${firstIndex + i}`,
              url,
              intervalSeconds: INTERVAL_MS / 1_000,
              timeoutMs: 2_000,
            });
          } catch (error) {
            refusals.push((error as Error).message);
            if (attempt === 3) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          }
        }
      };
      let next = 0;
      // A few at a time, each not before its turn: a steady stream of creations, as a busy team makes them.
      const lane = async () => {
        for (let i = next++; i < count; i = next++) {
          const due = startedAt + (spreadOverMs * i) / count;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          await create(i);
        }
      };
      await Promise.all(Array.from({ length: 4 }, lane));
      return { refusals };
    },

    async schedulers() {
      return started.redis ? started.redis.schedulers(QUEUE_PREFIX) : postgresSchedulers(stack.probe.sql);
    },

    async flushQueue() {
      if (started.redis) await started.redis.flushAll();
      else await flushQueueTables(stack.probe.sql);
    },

    keepLogs() {
      keepLogs = true;
    },

    crashes() {
      return processes.flatMap((process) => process.crash() ?? []);
    },

    tails(lines = 15) {
      return processes.map((process) => `----- ${process.name} (${process.logFile})\n${process.tail(lines)}`).join('\n');
    },

    async stop() {
      // Each step on its own: one that fails must not leave the rest running.
      const steps: (() => Promise<unknown> | undefined)[] = [
        () => Promise.all(processes.map((process) => process.stop())),
        () => started.probe?.close(),
        () => started.redis?.stop(),
        () => started.postgres?.stop(),
        () => started.target?.close(),
      ];
      for (const step of steps) {
        try {
          await step();
        } catch (error) {
          console.error('fault stack stop:', error);
        }
      }
      started = {};
      rmSync(dir, { recursive: true, force: true });
      if (keepLogs) console.log(`fault stack: logs kept in ${logDir}`);
      else rmSync(logDir, { recursive: true, force: true });
    },
  };
  return stack;
}
