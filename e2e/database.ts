import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A server where the e2e run may create and drop its own database: the one `npm test` provides, else the
 * default of the other suites (libs/domain/src/testing/services/test-service-urls.ts, which e2e does not import:
 * it keeps the Playwright runner free of server code).
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const root = fileURLToPath(new URL('..', import.meta.url));

// One statement over postgres.js in a child process: no psql needed on the machine.
const SCRIPT = `
const postgres = require('postgres');
const [url, statement] = process.argv.slice(1);
const sql = postgres(url, { max: 1, onnotice: () => undefined });
sql.unsafe(statement).then(() => sql.end(), (error) => { console.error(error.message); process.exit(1); });
`;

/** The URL of database `name` on the admin server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Synchronous on purpose: the Playwright config must have the database before its webServer starts, and
 * webServer starts before globalSetup runs; the drop runs in a process 'exit' handler, where nothing async can.
 */
export function createDatabase(name: string): void {
  runStatement(`CREATE DATABASE "${safeName(name)}"`);
}

/** FORCE ends connections a slow-to-exit api or worker might still hold. */
export function dropDatabase(name: string): void {
  runStatement(`DROP DATABASE IF EXISTS "${safeName(name)}" WITH (FORCE)`);
}

/** Only throwaway e2e databases, and nothing that needs quoting. */
function safeName(name: string): string {
  if (!/^e2e_[a-z0-9_]+$/.test(name)) throw new Error(`not an e2e database name: ${name}`);
  return name;
}

function runStatement(statement: string): void {
  execFileSync(process.execPath, ['-e', SCRIPT, ADMIN_URL, statement], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}
