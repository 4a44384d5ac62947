import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { bundlePath } from '../build/bundles';
import { ensureBundle } from '../build/ensure-bundle';

/** The product's worker in a child process (see bench-worker.ts), with what it last reported. */
export interface BenchWorker {
  child: ChildProcess;
  /** CPU µs, the highest RSS in bytes, and checks started, as last reported (about once a second). */
  latest(): { cpuMicros: number; maxRss: number; started: number };
  /** Asks for a report now and waits for it. */
  report(): Promise<{ cpuMicros: number; maxRss: number; started: number }>;
  /** A clean stop: checks in flight end and are stored. */
  stop(): Promise<void>;
  /** `kill -9`: what it claimed is lost with it. */
  kill(): Promise<void>;
}

/** Forks the bundled bench worker (bundled as `npm start` runs it: through tsx it carries ~40 MB more) and waits until ready. */
export async function forkBenchWorker(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BenchWorker> {
  await ensureBundle('bench', log);
  const child = fork(bundlePath('bench', 'bench-worker'), [], {
    env,
    execArgv: [
      '--enable-source-maps',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const state = { cpuMicros: 0, maxRss: 0, started: 0 };
  const waiters: (() => void)[] = [];
  child.on('message', (message: { type: string; cpuMicros?: number; rss?: number; started?: number }) => {
    if (message.type !== 'metrics') return;
    state.cpuMicros = message.cpuMicros ?? state.cpuMicros;
    state.maxRss = Math.max(state.maxRss, message.rss ?? 0);
    state.started = message.started ?? state.started;
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: { type: string }) => message.type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`bench worker exited early (${code})`)));
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    latest: () => ({ ...state }),
    async report() {
      const reported = new Promise<void>((resolve) => waiters.push(resolve));
      child.send({ type: 'report' });
      await reported;
      return { ...state };
    },
    async stop() {
      if (exited()) return;
      child.send({ type: 'stop' });
      await once(child, 'exit');
    },
    async kill() {
      if (exited()) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

/** Checks a bench worker runs at once (the per-host cap lifted to match: every bench monitor targets one host). */
export const BENCH_WORKER_CONCURRENCY = 200;

/** The worker's environment: this database, Redis when given (else the queue on PostgreSQL), its own queue prefix. */
export function benchWorkerEnv(databaseUrl: string, redisUrl: string | undefined): NodeJS.ProcessEnv {
  const { REDIS_URL: _ignored, ...base } = process.env;
  return {
    ...base,
    DATABASE_URL: databaseUrl,
    // An empty REDIS_URL would not mean "no Redis": it is left out instead.
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
    CANARY_URL: '',
    WORKER_CONCURRENCY: String(BENCH_WORKER_CONCURRENCY),
    PER_HOST_CONCURRENCY: String(BENCH_WORKER_CONCURRENCY),
  };
}
