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
