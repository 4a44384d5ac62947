import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postgresAnswers, redisAnswers } from './service-answers';
import { DEFAULT_TEST_DATABASE_ADMIN_URL, DEFAULT_TEST_REDIS_URL } from './test-service-urls';
import { startThrowawayPostgres } from './throwaway-postgres';
import { startThrowawayRedis } from './throwaway-redis';

/** The servers one test run uses, as the environment its suites read (TEST_DATABASE_ADMIN_URL, TEST_REDIS_URL). */
export interface TestServices {
  env: { TEST_DATABASE_ADMIN_URL: string; TEST_REDIS_URL: string };
  /** Stops what this run started (never what it found) and removes its files. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A URL the user set is used as it is. Otherwise the default address is asked; a server that answers there is
 * used and left alone, and only when nothing answers does the run start one of its own, on a free port.
 */
export async function provideTestServices(log: (line: string) => void): Promise<TestServices> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne();
  };
  try {
    const TEST_DATABASE_ADMIN_URL = await providePostgres(log, stops);
    const TEST_REDIS_URL = await provideRedis(log, stops);
    return { env: { TEST_DATABASE_ADMIN_URL, TEST_REDIS_URL }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function providePostgres(log: (line: string) => void, stops: Array<() => Promise<void>>): Promise<string> {
  const given = process.env.TEST_DATABASE_ADMIN_URL;
  if (given) return given;
  if (await postgresAnswers(DEFAULT_TEST_DATABASE_ADMIN_URL)) {
    log(`PostgreSQL: using the server at ${redactPassword(DEFAULT_TEST_DATABASE_ADMIN_URL)}`);
    return DEFAULT_TEST_DATABASE_ADMIN_URL;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mn-test-postgres-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter this directory (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  stops.push(async () => rmSync(dir, { recursive: true, force: true }));
  log('PostgreSQL: nothing answers on 127.0.0.1:5432; starting an embedded one for this run');
  const server = await startThrowawayPostgres(path.join(dir, 'data'));
  stops.push(() => server.stop());
  log(`PostgreSQL: embedded server at ${redactPassword(server.adminUrl)}`);
  return server.adminUrl;
}

async function provideRedis(log: (line: string) => void, stops: Array<() => Promise<void>>): Promise<string> {
  const given = process.env.TEST_REDIS_URL;
  if (given) return given;
  if (await redisAnswers(DEFAULT_TEST_REDIS_URL)) {
    log(`Redis: using the server at ${DEFAULT_TEST_REDIS_URL}`);
    return DEFAULT_TEST_REDIS_URL;
  }
  log('Redis: nothing answers on 127.0.0.1:6379; starting one for this run');
  const server = await startThrowawayRedis();
  stops.push(() => server.stop());
  log(`Redis: own server at ${server.url}`);
  return server.url;
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
