import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 727_274;

/**
 * Applies the committed drizzle-kit migrations. Both the api and the worker call it at start; drizzle's
 * migrator takes no lock, so one reserved connection holds an advisory lock while the pool migrates.
 */
export async function applyMigrations(database: Database): Promise<void> {
  const lock = await database.sql.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    lock.release();
  }
}

/** Migrations this version ships that the database has not applied (0 once `applyMigrations` has run). */
export async function pendingMigrations(database: Pick<Database, 'sql'>): Promise<number> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  const [row] = await database.sql<{ applied: number }[]>`
    select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
      else (select count(*)::int from drizzle.__drizzle_migrations) end as applied`;
  return Math.max(0, journal.entries.length - (row?.applied ?? 0));
}
