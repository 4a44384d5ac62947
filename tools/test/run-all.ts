import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { provideTestServices, type TestServices } from '../../libs/domain/src/testing/services/test-services';
import { findBrowser } from './find-browser';

/**
 * `npm test`: everything, in the order that fails fastest, on any machine with Node. The suites use the
 * PostgreSQL and Redis found on their default addresses, else ones this run starts and stops again (on success,
 * failure or Ctrl-C), and the browser findBrowser picks. Tests make their own databases and key prefixes.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const log = (line: string) => console.log(`[npm test] ${line}`);

const STEPS: Array<{ title: string; command: string[]; needsServices?: boolean }> = [
  // `npx prettier --write .` fixes what this finds (.prettierrc.json, .prettierignore).
  { title: 'formatting', command: ['npx', 'prettier', '--check', '.'] },
  { title: 'lint and type checks', command: ['npx', 'nx', 'run-many', '-t', 'lint', 'typecheck', '--outputStyle=stream'] },
  // tools/ (start, bench, test helpers) belongs to no Nx project; the root tsconfig covers it.
  { title: 'type check tools/', command: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { title: 'unit and integration tests', command: ['npx', 'nx', 'run-many', '-t', 'test', '--outputStyle=stream'], needsServices: true },
  { title: 'build the dashboard', command: ['npx', 'nx', 'build', 'web', '--outputStyle=stream'] },
  { title: 'prove the dashboard bundle holds no server code', command: ['npx', 'tsx', 'tools/test/check-web-bundle.ts'] },
  { title: 'end-to-end tests in Chromium', command: ['npx', 'playwright', 'test', '-c', 'e2e/playwright.config.ts'], needsServices: true },
];

let current: ChildProcess | undefined;
let services: TestServices | undefined;
let interrupted = false;

// Ctrl-C reaches the whole process group, the running step included; a signal sent to this process alone is
// passed on, so the step winds down (and stops what it started) before main() stops the services.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill(signal);
  });
}
process.on('exit', () => current?.kill('SIGKILL'));

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: process.env.CI ?? 'true' };
  try {
    Object.assign(env, await findBrowser(log));
  } catch (error) {
    console.error(`[npm test] ${(error as Error).message}`);
    return 1;
  }
  try {
    for (const step of STEPS) {
      if (interrupted) return 130;
      if (step.needsServices && !services) {
        services = await provideTestServices(log);
        Object.assign(env, services.env);
      }
      console.log(`== ${step.title}`);
      const code = await run(step.command, env);
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    await services?.stop();
  }
}

function run([command, ...args]: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(command as string, args, { cwd: root, env, stdio: 'inherit' });
    current.once('error', (error) => {
      console.error(`[npm test] could not run ${command}: ${error.message}`);
      resolve(127);
    });
    current.once('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

main().then(
  (code) => process.exit(interrupted && code === 0 ? 130 : code),
  (error: unknown) => {
    console.error('[npm test]', error);
    process.exit(1);
  },
);
