import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing';
import { withTimeout } from '../core/with-timeout';
import { openDatabase, type Database } from './client';

const POOL_SIZE = 10;
/** Two rounds of 200 ms on the pool take well under this; behind the old 20 s delays they waited half a minute. */
const ANSWER_DEADLINE_MS = 5_000;

/**
 * The fault suite saw `monitors.create` refused as "database not reachable" long after a PostgreSQL restart: every
 * failed connect during the outage lengthened the whole pool's reconnect delay (postgres.js' default reaches 20 s),
 * so connections came back one by one long after the server did, and queries waited or failed behind them.
 */
describe('the pool after a PostgreSQL restart', () => {
  let dir: string;
  let server: ThrowawayPostgres;
  let database: Database;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mn-pool-restart-'));
    // As root, PostgreSQL runs as `postgres`, which must be able to enter this directory (mkdtemp makes it 0700).
    chmodSync(dir, 0o755);
    server = await startThrowawayPostgres(path.join(dir, 'data'));
    database = openDatabase(server.url, { max: POOL_SIZE });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a full pool of queries within a couple of seconds of the server being back', async () => {
    // Every connection open, then cut off by a fast shutdown.
    await Promise.all(Array.from({ length: POOL_SIZE }, () => database.sql`select pg_sleep(0.05)`));
    await server.stop();
    // Callers keep trying while it is down, as the api and the worker do: each failed connect counts.
    const outageEnds = Date.now() + 2_000;
    const tryWhileDown = async () => {
      while (Date.now() < outageEnds) {
        await database.sql`select 1`.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all(Array.from({ length: POOL_SIZE }, tryWhileDown));
    await server.start();
    // The stale failures of the outage settle here.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const answers = await Promise.allSettled(
      Array.from({ length: 2 * POOL_SIZE }, () =>
        withTimeout(
          database.sql.begin((tx) => tx<{ pid: number }[]>`select pg_backend_pid() as pid from pg_sleep(0.2)`),
          ANSWER_DEADLINE_MS,
          'a transaction after the restart',
        ),
      ),
    );

    expect(answers.filter((answer) => answer.status === 'rejected')).toEqual([]);
    // The whole pool shares the work again; connections still waiting out a long delay leave it to one or two.
    const pids = new Set(answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value.map((row) => row.pid) : [])));
    expect(pids.size).toBeGreaterThanOrEqual(POOL_SIZE - 2);
  }, 60_000);
});
