import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { maintenanceWindows, monitors } from '../db/schema';
import type { DomainContext } from '../runtime/domain-context';
import { captureLogs, createTestDatabase, type TestDatabase, testDomainContext } from '../testing';
import { createMaintenanceCache, type MaintenanceCoverage } from './maintenance-cache';
import { createMaintenanceWindow, isUnderMaintenance } from './maintenance-window-service';

const TTL = 15_000;
const at = (iso: string) => new Date(iso);

describe('maintenance cache', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;
  let queries = 0;
  let clock = 0;
  let monitorA: string;
  let monitorB: string;
  let cache: MaintenanceCoverage;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // Counts reads of the windows only: the inserts the tests make are not the cache's cost.
    database = openDatabase(testDb.url, { onQuery: (query) => (queries += /^select .* from "maintenance_windows"/s.test(query) ? 1 : 0) });
    ctx = testDomainContext(database);
    await applyMigrations(database);
    const created = await database.db
      .insert(monitors)
      .values(
        ['A', 'B'].map((name) => ({
          name,
          url: 'http://127.0.0.1:9/',
          intervalSeconds: 60,
          timeoutMs: 1_000,
          expectedStatusCodes: '200-299',
          failureThreshold: 2,
        })),
      )
      .returning();
    [monitorA, monitorB] = created.map((monitor) => monitor.id) as [string, string];
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  beforeEach(async () => {
    await database.db.delete(maintenanceWindows);
    clock = 0;
    cache = createMaintenanceCache(ctx, { ttlMs: TTL, now: () => clock });
  });

  const once = (startsAt: string, endsAt: string) => ({ type: 'once' as const, startsAt: at(startsAt), endsAt: at(endsAt) });

  it('answers thousands of checks from one query, and sees a new window only once the TTL has passed', async () => {
    queries = 0;
    const inside = at('2026-11-25T10:30:00Z');
    for (let i = 0; i < 1_000; i++) expect(await cache.covers(monitorA, inside)).toBe(false);
    expect(queries).toBe(1);

    await createMaintenanceWindow(ctx, {
      name: 'Upgrade',
      monitorId: monitorA,
      schedule: once('2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'),
    });
    clock += TTL - 1;
    expect(await cache.covers(monitorA, inside)).toBe(false);
    clock += 1;
    expect(await cache.covers(monitorA, inside)).toBe(true);
    expect(queries).toBe(2);
    expect(await cache.covers(monitorA, at('2026-11-25T11:00:00Z'))).toBe(false); // the end is exclusive
    expect(await cache.covers(monitorB, inside)).toBe(false); // another monitor's window
  });

  it('applies a global window to every monitor, as isUnderMaintenance does', async () => {
    await createMaintenanceWindow(ctx, {
      name: 'Network work',
      monitorId: null,
      schedule: once('2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'),
    });
    for (const monitorId of [monitorA, monitorB]) {
      for (const instant of [at('2026-11-25T09:59:59.999Z'), at('2026-11-25T10:00:00Z'), at('2026-11-25T10:59:59.999Z')]) {
        expect(await cache.covers(monitorId, instant)).toBe(await isUnderMaintenance(database.db, monitorId, instant));
      }
      expect(await cache.covers(monitorId, at('2026-11-25T10:00:00Z'))).toBe(true);
    }
  });

  it('answers a weekly window exactly at its edges, asked many times within a second', async () => {
    // Wednesday 25 Nov 2026, 02:00 UTC for an hour.
    const schedule = { type: 'weekly' as const, weekdays: [3], startTime: '02:00', durationMinutes: 60, timeZone: 'UTC' };
    await createMaintenanceWindow(ctx, { name: 'Weekly', monitorId: monitorA, schedule });
    const expectations: [string, boolean][] = [
      ['2026-11-25T01:59:59.000Z', false],
      ['2026-11-25T01:59:59.999Z', false],
      ['2026-11-25T02:00:00.000Z', true],
      ['2026-11-25T02:00:00.500Z', true],
      ['2026-11-25T02:59:59.999Z', true],
      ['2026-11-25T03:00:00.000Z', false],
      ['2026-12-02T02:30:00.000Z', true], // next Wednesday
      ['2026-11-26T02:30:00.000Z', false], // Thursday
    ];
    for (let round = 0; round < 3; round++) {
      for (const [instant, open] of expectations) expect(await cache.covers(monitorA, at(instant)), instant).toBe(open);
    }
  });

  it('keeps the last known windows when the reload fails, warns, and recovers on a later reload', async () => {
    await createMaintenanceWindow(ctx, {
      name: 'Upgrade',
      monitorId: monitorA,
      schedule: once('2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'),
    });
    const inside = at('2026-11-25T10:30:00Z');
    expect(await cache.covers(monitorA, inside)).toBe(true);

    await database.sql`alter table maintenance_windows rename to maintenance_windows_away`;
    const logs = captureLogs();
    try {
      clock += TTL;
      expect(await cache.covers(monitorA, inside)).toBe(true);
    } finally {
      logs.stop();
      await database.sql`alter table maintenance_windows_away rename to maintenance_windows`;
    }
    expect(logs.text()).toContain('could not reload maintenance windows; keeping the last known set');

    await createMaintenanceWindow(ctx, {
      name: 'Later',
      monitorId: monitorB,
      schedule: once('2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'),
    });
    clock += TTL - 1;
    expect(await cache.covers(monitorB, inside)).toBe(false); // a failed reload waits a TTL too, not hammering the database
    clock += 1;
    expect(await cache.covers(monitorB, inside)).toBe(true);
    expect(await cache.covers(monitorA, inside)).toBe(true);
  });

  it('ignores a schedule it cannot read without losing the readable windows', async () => {
    await createMaintenanceWindow(ctx, {
      name: 'Readable',
      monitorId: null,
      schedule: once('2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'),
    });
    const [odd] = await database.db
      .insert(maintenanceWindows)
      .values({ name: 'From the future', monitorId: monitorB, schedule: { type: 'lunar', phase: 'full' } })
      .returning();
    const logs = captureLogs();
    try {
      expect(await cache.covers(monitorB, at('2026-11-25T10:30:00Z'))).toBe(true);
      expect(await cache.covers(monitorB, at('2026-11-25T12:30:00Z'))).toBe(false);
    } finally {
      logs.stop();
    }
    expect(logs.text()).toContain(String(odd?.id));
    expect(await isUnderMaintenance(database.db, monitorB, at('2026-11-25T10:30:00Z'))).toBe(true);
  });
});
