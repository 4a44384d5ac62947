import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintenanceWindowInputSchema } from '@mini-netumo/contracts';
import { openDatabase, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import type { DomainContext } from '../runtime/domain-context';
import { createTestDatabase, type TestDatabase, testDomainContext } from '../testing';
import { createMaintenanceWindow, isUnderMaintenance, listMaintenanceWindows } from './maintenance-window-service';

// The schedule is jsonb and read back through the contract: a cron window must survive the trip unchanged.
describe('a cron maintenance window in the database', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    ctx = testDomainContext(database);
    await applyMigrations(database);
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  it('is stored, listed as it was given and opens on its firings', async () => {
    const input = maintenanceWindowInputSchema.parse({
      name: 'Sunday backups',
      schedule: { type: 'cron', expression: ' 0 2 * * sun ', durationMinutes: 120, timeZone: 'Europe/Paris' },
    });
    // Sunday 29 Nov 2026 02:30 in Paris.
    const created = await createMaintenanceWindow(ctx, input, new Date('2026-11-29T01:30:00Z'));
    expect(created).toMatchObject({
      activeNow: true,
      schedule: { type: 'cron', expression: '0 2 * * sun', durationMinutes: 120, timeZone: 'Europe/Paris' },
    });

    const [listed] = await listMaintenanceWindows(ctx, undefined, new Date('2026-11-30T01:30:00Z'));
    expect(listed).toMatchObject({ id: created.id, activeNow: false, schedule: created.schedule });
    expect(await isUnderMaintenance(database.db, '00000000-0000-4000-8000-000000000001', new Date('2026-11-29T02:59:00Z'))).toBe(true);
    expect(await isUnderMaintenance(database.db, '00000000-0000-4000-8000-000000000001', new Date('2026-11-29T03:00:00Z'))).toBe(false);
  });
});
