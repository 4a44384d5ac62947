import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The api or a worker, run from its sources in its own process, as `nx serve` runs it. */
export interface AppProcess {
  name: string;
  logFile: string;
  /** Resolves when a line of its output matches; rejects when it exits first or the time runs out. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** The last lines of its output, each cut to a readable length, for a failure message. */
  tail(lines: number): string;
  /** SIGTERM (a clean shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** How it ended when nobody asked it to (a crash); undefined while it runs or after stop(). */
  crash(): string | undefined;
}

// Children still running when the test process dies some other way: never leave one behind.
const running = new Set<() => void>();
process.once('exit', () => {
  for (const kill of running) kill();
});

export function startAppProcess(name: string, entry: string, env: Record<string, string>, logDir: string): AppProcess {
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  // Only what we pass: an inherited DATABASE_URL or REDIS_URL would point the process elsewhere.
  const inherited = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '' };
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...inherited, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => child.kill('SIGKILL');
  running.add(kill);
  let exited = false;
  let stopping = false;
  let crash: string | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      if (!stopping) crash = `${name} exited (${signal ?? `code ${code}`}) at ${new Date().toISOString().slice(11, 23)}`;
      running.delete(kill);
      resolve();
    }),
  );
  const watchers = new Set<(line: string) => void>();
  let partial = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const watch of watchers) watch(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.once('close', () => log.end());

  return {
    name,
    logFile,
    waitForLog(pattern, timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          watchers.delete(watch);
          if (error) reject(error);
          else resolve();
        };
        const watch = (line: string) => pattern.test(line) && done();
        const timer = setTimeout(() => done(new Error(`${name}: no log line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
        watchers.add(watch);
        void exit.then(() => done(new Error(`${name} exited before logging ${pattern}`)));
      });
    },
    tail(lines) {
      try {
        const last = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines);
        return last.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line)).join('\n');
      } catch {
        return '(no log)';
      }
    },
    crash: () => crash,
    async stop(graceMs = 10_000) {
      if (exited) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
