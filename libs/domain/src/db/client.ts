import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;

export interface Database {
  db: Db;
  /** The raw postgres.js client: LISTEN/NOTIFY and health pings need it. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Seconds before a pooled connection tries again after a failed connect. postgres.js' default grows with every
 * failure of any connection in the pool (3^n / 100, up to 20 s), so a restart of a few seconds left most of the
 * pool waiting up to 20 s after the server was back, and the queries queued behind it failed or timed out. A
 * refused connect costs nothing, so one second at most, with jitter so the pool does not reconnect in step.
 */
function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2);
}

/** Opens the pool. postgres.js connects lazily, so a database that is down surfaces on first query, not here. */
export function openDatabase(url: string, options: { max?: number; onQuery?: (query: string) => void } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Migrations and DDL print NOTICEs ("relation already exists, skipping"); they are noise in our logs.
    onnotice: () => undefined,
    connect_timeout: 10,
    backoff: reconnectDelaySeconds,
    // Tests and the bench count queries through this; off in production.
    ...(options.onQuery ? { debug: (_connection: number, query: string) => options.onQuery?.(query) } : {}),
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}
