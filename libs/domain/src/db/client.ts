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

/** Opens the pool. postgres.js connects lazily, so a database that is down surfaces on first query, not here. */
export function openDatabase(url: string, options: { max?: number; onQuery?: (query: string) => void } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Migrations and DDL print NOTICEs ("relation already exists, skipping"); they are noise in our logs.
    onnotice: () => undefined,
    connect_timeout: 10,
    // Tests and the bench count queries through this; off in production.
    ...(options.onQuery ? { debug: (_connection: number, query: string) => options.onQuery?.(query) } : {}),
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}
