import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckVerdict } from '@mini-netumo/contracts';
import { openDatabase, type Database } from '../db/client';
import { runMaintenance } from '../db/maintenance/run-maintenance';
import { applyMigrations } from '../db/migrate';
import { monitors } from '../db/schema';
import { recordChecks, type RecordedCheck } from '../evaluation/record-check';
import { createMaintenanceCache } from '../maintenance-windows/maintenance-cache';
import { createMaintenanceWindow } from '../maintenance-windows/maintenance-window-service';
import type { DomainContext } from '../runtime/domain-context';
import { createTestDatabase, type TestDatabase, testDomainContext } from '../testing';
import { listResultsPage } from './check-results';
import { monitorStats } from './monitor-stats';
import { exportCsv } from './stats-export';
import { statsSummary } from './stats-summary';

const NOW = new Date('2026-11-25T12:30:00.000Z');
const at = (time: string) => new Date(`2026-11-25T${time}:00.000Z`);

const outcome = (verdict: CheckVerdict) => ({
  ok: verdict === 'up',
  statusCode: verdict === 'up' ? 200 : 503,
  latencyMs: 100,
  timings: { dnsMs: 1, connectMs: 2, tlsMs: null, firstByteMs: 97, totalMs: 100 },
  errorKind: verdict === 'up' ? null : ('status' as const),
  errorMessage: verdict === 'up' ? null : 'HTTP 503, expected 200-299',
});

/**
 * Monitor A has its own window 10:00-11:00 and everyone shares a global one 12:00-12:20. A's checks:
 * six outside the windows (one failed), four failures in its window, one unknown in the global one.
 */
describe('uptime with maintenance windows', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;
  let monitorA: string;
  let monitorB: string;
  const recorded = new Map<string, RecordedCheck | null>();

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    ctx = testDomainContext(database);
    await applyMigrations(database);
    await runMaintenance(ctx, NOW);
    const created = await database.db
      .insert(monitors)
      .values(
        ['A', 'B'].map((name) => ({
          name,
          url: 'http://127.0.0.1:9/',
          intervalSeconds: 600,
          timeoutMs: 1_000,
          expectedStatusCodes: '200-299',
          failureThreshold: 2,
        })),
      )
      .returning();
    [monitorA, monitorB] = created.map((monitor) => monitor.id) as [string, string];
    await createMaintenanceWindow(ctx, {
      name: 'A upgrade',
      monitorId: monitorA,
      schedule: { type: 'once', startsAt: at('10:00'), endsAt: at('11:00') },
    });
    await createMaintenanceWindow(ctx, {
      name: 'Network',
      monitorId: null,
      schedule: { type: 'once', startsAt: at('12:00'), endsAt: at('12:20') },
    });

    // The worker's way: the cache decides, the batch writer stores.
    const cache = createMaintenanceCache(ctx);
    const checks: [string, string, CheckVerdict][] = [
      [monitorA, '09:10', 'up'],
      [monitorA, '09:20', 'up'],
      [monitorA, '09:30', 'down'],
      [monitorA, '09:40', 'up'],
      [monitorA, '09:50', 'up'],
      [monitorA, '10:10', 'down'],
      [monitorA, '10:25', 'down'],
      [monitorA, '10:40', 'down'],
      [monitorA, '10:55', 'down'],
      [monitorA, '11:10', 'up'],
      [monitorA, '12:10', 'unknown'],
      [monitorB, '10:30', 'down'], // A's window is not B's
      [monitorB, '12:10', 'down'],
    ];
    for (const [monitorId, time, verdict] of checks) {
      const checkedAt = at(time);
      const inMaintenance = await cache.covers(monitorId, checkedAt);
      const [stored] = await recordChecks(database, [
        { monitorId, slotAt: checkedAt, checkedAt, outcome: outcome(verdict), verdict, attempts: 1, inMaintenance },
      ]);
      recorded.set(`${monitorId === monitorA ? 'A' : 'B'} ${time}`, stored ?? null);
    }
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  it('counts 5 up of the 6 checks outside maintenance: 83.33 %', async () => {
    const stats = await monitorStats(ctx, monitorA, '24h', NOW);
    expect(stats.uptime['24h']).toBe(83.33);
    expect(stats.uptime['7d']).toBe(83.33);
    expect(stats.errorRate).toBe(16.67);
    expect(stats.checks).toBe(11);
    expect(stats.maintenance).toBe(5);
    const [summaryA, summaryB] = await statsSummary(ctx, NOW).then((rows) =>
      [monitorA, monitorB].map((id) => rows.find((row) => row.monitorId === id)),
    );
    expect(summaryA).toMatchObject({ uptime24h: 83.33, uptime7d: 83.33, uptime30d: 83.33 });
    expect(summaryB).toMatchObject({ uptime24h: 0 }); // its 10:30 failure counts, its 12:10 one does not
  });

  it('still takes the monitor down in the window: only the uptime arithmetic leaves those checks out', () => {
    expect(recorded.get('A 10:25')?.incident).toMatchObject({ kind: 'down', state: 'open' });
    expect(recorded.get('A 10:25')?.state.status).toBe('down');
    expect(recorded.get('A 10:25')?.result.inMaintenance).toBe(true);
    expect(recorded.get('A 11:10')?.incident).toMatchObject({ state: 'resolved' });
  });

  it('colours an hour of maintenance (and unknown) checks as maintenance, and a failure outside as down', async () => {
    const stats = await monitorStats(ctx, monitorA, '24h', NOW);
    const hour = (time: string) => stats.series.find((point) => point.bucketStart.getTime() === at(time).getTime());
    expect(hour('09:00')).toMatchObject({ state: 'down', checks: 5, failures: 1, maintenance: 0 });
    expect(hour('10:00')).toMatchObject({ state: 'maintenance', checks: 4, failures: 0, maintenance: 4 });
    expect(hour('11:00')).toMatchObject({ state: 'up', checks: 1 });
    expect(hour('12:00')).toMatchObject({ state: 'maintenance', checks: 1, unknowns: 0, maintenance: 1 });
    const [summary] = (await statsSummary(ctx, NOW)).filter((row) => row.monitorId === monitorA);
    expect(summary?.sparkline24h.slice(-4).map((point) => point.state)).toEqual(['down', 'maintenance', 'up', 'maintenance']);
    expect(stats.statusBar90d.at(-1)).toMatchObject({ state: 'down', uptime: 83.33 });
    // Successful checks in a window are real measurements: the 11:10 one and the 09:xx ones are all 100 ms.
    expect(stats.avgLatencyMs['24h']).toBe(100);
  });

  it('exposes the flag on every result and the count in the exports', async () => {
    const page = await listResultsPage(ctx, { monitorId: monitorA, limit: 100 });
    const flagged = page.items.filter((item) => item.inMaintenance).map((item) => item.checkedAt.toISOString().slice(11, 16));
    expect(flagged.sort()).toEqual(['10:10', '10:25', '10:40', '10:55', '12:10']);
    const results = await exportCsv(ctx, monitorA, 'results', at('10:00'), at('10:30'));
    expect(
      results
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',').slice(0, 4).join(',')),
    ).toEqual(['2026-11-25T10:10:00.000Z,down,false,true', '2026-11-25T10:25:00.000Z,down,false,true']);
    const hourly = await exportCsv(ctx, monitorA, 'hourly', at('10:00'), at('11:00'));
    expect(hourly.split('\r\n')[1]?.split(',').slice(0, 5)).toEqual(['2026-11-25T10:00:00.000Z', '4', '0', '0', '4']);
  });
});
