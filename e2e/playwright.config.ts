import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-args';
import { createDatabase, databaseUrl, dropDatabase } from './database';
import { deleteQueueKeys } from './redis';
import { createTestCa, removeTestCa, testCaIn } from './test-certificates';

// E2E_PORT lets two runs (a developer's and a CI check) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${PORT}`;
const root = fileURLToPath(new URL('..', import.meta.url));
/** The Redis `npm test` provides, else the other suites' default (as in ./database.ts). */
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** The product's public listener (heartbeat pings); above PORT by default. */
const PUBLIC_PORT = Number(process.env.E2E_PUBLIC_PORT ?? PORT + 1);
/** The worker's metrics and probes listener; the specs read it through E2E_WORKER_URL. */
const WORKER_HTTP_PORT = Number(process.env.E2E_WORKER_HTTP_PORT ?? PORT + 2);
process.env.E2E_WORKER_URL = `http://127.0.0.1:${WORKER_HTTP_PORT}`;
/** The fake WHOIS server (e2e/fake-whois.ts) the product asks instead of the registries; beside PORT by default. */
const WHOIS_PORT = Number(process.env.E2E_WHOIS_PORT ?? PORT - 1);

// Playwright loads this file in the runner and again in each worker; workers inherit the runner's env,
// so the database and queue prefix are made once, in the runner.
const databaseName = process.env.E2E_DATABASE_NAME ?? prepareRun();
const testCa = testCaIn(process.env.E2E_CA_DIR ?? prepareTestCa());

function prepareRun(): string {
  const suffix = `${Date.now().toString(36)}_${process.pid}`;
  const name = `e2e_${suffix}`;
  const queuePrefix = `e2e-${suffix}`;
  createDatabase(name);
  process.env.E2E_DATABASE_NAME = name;
  process.env.E2E_QUEUE_PREFIX = queuePrefix;
  // Not in globalTeardown: Playwright stops the webServer only after it, and the database must not
  // vanish under a running api and worker. At exit they are gone.
  process.on('exit', () => {
    for (const [what, cleanUp] of [
      [`database ${name}`, () => dropDatabase(name)],
      [`queue keys ${queuePrefix}:*`, () => deleteQueueKeys(redisUrl, queuePrefix, root)],
    ] as const) {
      try {
        cleanUp();
      } catch (error) {
        console.error(`e2e clean-up: could not remove ${what}:`, error);
      }
    }
  });
  return name;
}

/** The CA whose leaves the product trusts (NODE_EXTRA_CA_CERTS), so an e2e certificate is judged by its dates. */
function prepareTestCa(): string {
  const ca = createTestCa();
  process.env.E2E_CA_DIR = ca.dir;
  process.on('exit', () => removeTestCa(ca));
  return ca.dir;
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results/e2e'),
  // One product instance, one browser: the specs share the database, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 110_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: path.join(root, 'playwright-report') }]],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // `npm test` sets CHROMIUM_PATH to the browser it found (tools/test/find-browser.ts); unset: Playwright's own.
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: CHROMIUM_ARGS,
    },
  },
  // In order: the fake WHOIS server is up before the product starts, and stopped after it.
  webServer: [
    {
      command: `npx tsx e2e/fake-whois.ts ${WHOIS_PORT}`,
      cwd: root,
      port: WHOIS_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'npx tsx tools/start/start.ts',
      cwd: root,
      url: `${baseURL}/health/live`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        PUBLIC_PORT: String(PUBLIC_PORT),
        PUBLIC_HOST: '127.0.0.1',
        WORKER_HTTP_PORT: String(WORKER_HTTP_PORT),
        DATABASE_URL: databaseUrl(databaseName),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: process.env.E2E_QUEUE_PREFIX ?? 'e2e',
        // Expiry lanes against local fakes: no RDAP, every WHOIS query to e2e/fake-whois.ts, our test CA trusted.
        RDAP_BOOTSTRAP_URL: '',
        WHOIS_SERVER: `127.0.0.1:${WHOIS_PORT}`,
        NODE_EXTRA_CA_CERTS: testCa.certFile,
        // Short delivery retries: a failing channel reaches the dead letters in about a second, not minutes.
        NOTIFY_ATTEMPTS: '3',
        NOTIFY_BACKOFF_MS: '200',
        NOTIFY_MAX_BACKOFF_MS: '1000',
      },
    },
  ],
});
