import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '@mini-netumo/domain/testing';
import { bundlePath } from '../build/bundles';

/**
 * The product's own processes, from the bundles `npm start` runs, for the phases that measure the whole product.
 * `BENCH_CPU_PROF=<dir>` profiles both (a file each, named by pid).
 */

const cpuProfileArgs = () => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

/** As `npm start` runs without Redis: queue and live events on PostgreSQL (an empty REDIS_URL would be refused). */
export function withoutRedis(): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, ...env } = process.env;
  return env;
}

export interface ProductApi {
  process: ChildProcess;
  /** The admin listener (dashboard, /trpc). */
  adminBase: string;
  /** The public listener (pings). */
  publicBase: string;
}

/** The real api on free ports; resolves once both listeners answer. `env` is the whole environment. */
export async function startProductApi(env: NodeJS.ProcessEnv): Promise<ProductApi> {
  const [port, publicPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...cpuProfileArgs(), bundlePath('server', 'api')], {
    env: { LOG_LEVEL: 'warn', ...env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_HOST: '127.0.0.1', PUBLIC_PORT: String(publicPort) },
    // The api logs (pino) to stdout: a warning during a phase belongs in the bench's output.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const api = { process: child, adminBase: `http://127.0.0.1:${port}`, publicBase: `http://127.0.0.1:${publicPort}` };
  for (let i = 0; i < 300; i++) {
    const answers = async (url: string) =>
      fetch(url).then(
        () => true,
        () => false,
      );
    if ((await answers(`${api.adminBase}/health/live`)) && (await answers(`${api.publicBase}/`))) return api;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the api did not open its listeners within 30 s');
}

/** The real worker; `env` is the whole environment. */
export function startProductWorker(env: NodeJS.ProcessEnv): ChildProcess {
  // The worker logs (pino) to stdout: a failed sweep or check belongs in the bench's output.
  return spawn(process.execPath, [...cpuProfileArgs(), bundlePath('server', 'worker')], {
    // Phases run several workers at once: each takes a free port for its metrics and probes.
    env: { LOG_LEVEL: 'warn', WORKER_HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** SIGTERM, as `npm start` stops its children, and waits for the exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}
