import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';

/**
 * postgres.js 3.4.9 writes to a socket that closed meanwhile and throws from a setImmediate, which no
 * caller can catch: a PostgreSQL restart killed the worker (porsager/postgres#1154, #1208). patches/
 * carries the guard (applied by `npm install`); this proves it is there: the query fails, the process lives.
 */
describe('a connection whose server side is gone', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('fails the queries sent on it with a catchable error instead of crashing the process', async () => {
    const sql = postgres(testDb.url, { max: 2, onnotice: () => undefined });
    try {
      const reserved = await sql.reserve();
      const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await sql`select pg_terminate_backend(${row?.pid ?? 0})`;
      const codes: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          await reserved`select 1`.then(
            () => 'ok',
            (error: { code?: string }) => error.code,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(codes.every((code) => code === 'ECONNRESET' || code === 'CONNECTION_CLOSED')).toBe(true);
      reserved.release();
      // The pool still serves new connections afterwards.
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
