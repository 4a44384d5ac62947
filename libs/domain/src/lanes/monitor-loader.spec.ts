import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import type { DomainContext } from '../runtime/domain-context';
import { createTestDatabase, type TestDatabase, testDomainContext } from '../testing';
import { createMonitorLoader } from './monitor-loader';

describe('createMonitorLoader', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;
  const statements: string[] = [];
  let ids: [string, string, string];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const schema = openDatabase(testDb.url);
    await applyMigrations(schema);
    await schema.close();
    database = openDatabase(testDb.url, { onQuery: (query) => statements.push(query) });
    ctx = testDomainContext(database);
    const rows = await database.sql<{ id: string }[]>`
      insert into monitors (name, url, interval_seconds, timeout_ms, expected_status_codes, failure_threshold)
      select 'm' || n, 'http://127.0.0.1/' || n, 60, 10000, '200-299', 2 from generate_series(1, 3) as n returning id`;
    ids = rows.map((row) => row.id) as typeof ids;
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('reads the rows of checks that start together with one statement, each check its own row', async () => {
    const loader = createMonitorLoader(ctx);
    statements.length = 0;
    const missing = '00000000-0000-4000-8000-000000000000';
    const rows = await Promise.all([ids[0], ids[1], missing, ids[0]].map((id) => loader.load(id)));
    expect(rows.map((row) => row?.url)).toEqual(['http://127.0.0.1/1', 'http://127.0.0.1/2', undefined, 'http://127.0.0.1/1']);
    expect(statements.filter((query) => query.includes('from monitors'))).toHaveLength(1);
  });

  it('reads the row as stored when the check starts, so an edit counts at the next check', async () => {
    const loader = createMonitorLoader(ctx);
    expect((await loader.load(ids[2]))?.timeoutMs).toBe(10_000);
    await database.sql`update monitors set timeout_ms = 2500 where id = ${ids[2]}`;
    expect((await loader.load(ids[2]))?.timeoutMs).toBe(2_500);
  });

  it('fails every check waiting on a read that failed', async () => {
    const closed = openDatabase(testDb.url);
    await closed.close();
    const loader = createMonitorLoader(testDomainContext(closed));
    const settled = await Promise.allSettled([loader.load(ids[0]), loader.load(ids[1])]);
    expect(settled.map((each) => each.status)).toEqual(['rejected', 'rejected']);
  });
});
