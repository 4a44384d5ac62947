import { execFileSync } from 'node:child_process';

/** A server where the e2e run may create and drop its own database. */
const ADMIN_URL = process.env.E2E_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the admin server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Synchronous (psql) on purpose: the Playwright config must have the database before its webServer
 * starts, and webServer starts before globalSetup runs.
 */
export function createDatabase(name: string): void {
  psql(`CREATE DATABASE "${safeName(name)}"`);
}

/** FORCE ends connections a slow-to-exit api or worker might still hold. */
export function dropDatabase(name: string): void {
  psql(`DROP DATABASE IF EXISTS "${safeName(name)}" WITH (FORCE)`);
}

/** Only throwaway e2e databases, and nothing that needs quoting. */
function safeName(name: string): string {
  if (!/^e2e_[a-z0-9_]+$/.test(name)) throw new Error(`not an e2e database name: ${name}`);
  return name;
}

function psql(sql: string): void {
  execFileSync('psql', [ADMIN_URL, '--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
  });
}
