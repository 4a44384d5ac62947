import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckVerdict } from '@mini-netumo/contracts';
import { openDatabase, type Database } from '../db/client';
import { runMaintenance } from '../db/maintenance/run-maintenance';
import { applyMigrations } from '../db/migrate';
import { monitors } from '../db/schema';
import { recordCheck, type CheckToRecord } from '../evaluation/record-check';
import type { DomainContext } from '../runtime/domain-context';
import { createTestDatabase, type TestDatabase, testDomainContext } from '../testing';
import { listResultsPage } from './check-results';
import { monitorStats } from './monitor-stats';
import { exportCsv } from './stats-export';
import { statsOverview } from './stats-overview';
import { statsSummary } from './stats-summary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A fixed "now" in the middle of an hour, so bucket edges are predictable. */
const NOW = new Date('2026-11-25T12:30:00.000Z');

const outcome = (verdict: CheckVerdict, latencyMs: number) => ({
  ok: verdict === 'up',
  statusCode: verdict === 'up' ? 200 : 503,
  latencyMs,
  timings: { dnsMs: 1, connectMs: 2, tlsMs: null, firstByteMs: latencyMs - 3, totalMs: latencyMs },
  errorKind: verdict === 'down' ? ('status' as const) : null,
  errorMessage: verdict === 'down' ? 'HTTP 503, expected 200-299' : null,
});

describe('statistics from rollups', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;
  let queries: string[] = [];
  let monitorId: string;
  /** What we recorded, to compute the expected answers by brute force. */
  const recorded: { at: Date; verdict: CheckVerdict; latencyMs: number }[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url, { onQuery: (query) => queries.push(query) });
    ctx = testDomainContext(database);
    await applyMigrations(database);
    await runMaintenance(ctx, NOW);
    const [monitor] = await database.db
      .insert(monitors)
      .values({
        name: 'Seeded',
        url: 'http://127.0.0.1:9/',
        intervalSeconds: 300,
        timeoutMs: 10_000,
        expectedStatusCodes: '200-299',
        failureThreshold: 2,
      })
      .returning();
    monitorId = monitor!.id;
    const seeded: CheckToRecord[] = [];
    // 24 hours of checks every 10 minutes, a 3-hour gap (worker stopped) 7 to 5 hours ago, two failures,
    // and a stretch of unknowns (our canary was down).
    for (let t = NOW.getTime() - 24 * HOUR + 60_000; t <= NOW.getTime(); t += 10 * 60_000) {
      const hoursAgo = (NOW.getTime() - t) / HOUR;
      if (hoursAgo > 5 && hoursAgo <= 8) continue;
      const i = recorded.length;
      const verdict: CheckVerdict = i === 10 || i === 11 ? 'down' : i >= 20 && i < 23 ? 'unknown' : 'up';
      const latencyMs = 20 + ((i * 37) % 400);
      recorded.push({ at: new Date(t), verdict, latencyMs });
      seeded.push({
        monitorId,
        slotAt: new Date(t),
        checkedAt: new Date(t),
        outcome: outcome(verdict, latencyMs),
        verdict,
        attempts: 1,
        inMaintenance: false,
      });
    }
    // Two older days for the 7 d / 30 d windows and the status bar.
    for (const daysAgo of [3, 12]) {
      const at = new Date(NOW.getTime() - daysAgo * DAY);
      recorded.push({ at, verdict: 'up', latencyMs: 100 });
      seeded.push({ monitorId, slotAt: at, checkedAt: at, outcome: outcome('up', 100), verdict: 'up', attempts: 1, inMaintenance: false });
    }
    // Stored oldest first, as a worker would: the recorder drops a slot older than the newest stored.
    for (const check of seeded.sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime())) await recordCheck(database, check);
  });

  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const expectedUptime = (since: Date) => {
    const decided = recorded.filter((r) => r.at >= since && r.verdict !== 'unknown');
    return Math.round((decided.filter((r) => r.verdict === 'up').length / decided.length) * 10_000) / 100;
  };

  it('summarises every monitor in at most 5 queries, with gaps shown as none, never up', async () => {
    queries = [];
    const [summary] = await statsSummary(ctx, NOW);
    // postgres.js reads pg_type once per new connection: connection set-up, not per-request work.
    const distinct = new Set(queries.filter((query) => !query.includes('pg_catalog.pg_type')));
    expect(distinct.size).toBeLessThanOrEqual(5);
    const firstHour = new Date(Date.UTC(2026, 10, 24, 13));
    expect(summary?.uptime24h).toBe(expectedUptime(firstHour));
    expect(summary?.uptime30d).toBe(expectedUptime(new Date(Date.UTC(2026, 9, 27))));
    expect(summary?.sparkline24h).toHaveLength(24);
    const gap = summary?.sparkline24h.filter((point) => point.state === 'none').map((point) => point.bucketStart.toISOString());
    expect(gap).toEqual(['2026-11-25T05:00:00.000Z', '2026-11-25T06:00:00.000Z']);
    expect(summary?.sparkline24h.some((point) => point.state === 'down')).toBe(true);
  });

  it('draws the same bar whichever hours are settled and which are still live', async () => {
    // 12:30 has one live hour (12:00); 13:05 has two (12:00 and the empty 13:00), since 12:00 settles at 13:10;
    // 13:30 has one, empty, whose one field of latency is written as nothing at all.
    const overview = (now: Date) => statsOverview(ctx, now);
    const halfPast = await overview(NOW);
    const shifted = {
      states: `${halfPast.sparkStates[0]?.slice(1)}.`,
      latencies: `${halfPast.sparkLatencies[0]?.split(',').slice(1).join(',')},`,
    };
    for (const now of [new Date(Date.UTC(2026, 10, 25, 13, 5)), new Date(Date.UTC(2026, 10, 25, 13, 30))]) {
      const next = await overview(now);
      expect(next.sparkLatencies[0]?.split(',')).toHaveLength(24);
      expect({ states: next.sparkStates[0], latencies: next.sparkLatencies[0] }).toEqual(shifted);
      expect(next.uptime24h[0]).toBe(expectedUptime(new Date(Date.UTC(2026, 10, 24, 14))));
    }
    // Asked again, from the cached settled part: the same answer.
    expect(await overview(NOW)).toEqual(halfPast);
  });

  it('gives percentiles within one histogram bucket of the exact values', async () => {
    const stats = await monitorStats(ctx, monitorId, '24h', NOW);
    const latencies = recorded
      .filter((r) => r.verdict === 'up' && r.at >= new Date(Date.UTC(2026, 10, 24, 13)))
      .map((r) => r.latencyMs)
      .sort((a, b) => a - b);
    const exact = (q: number) => latencies[Math.ceil(q * latencies.length) - 1]!;
    expect(Math.abs(stats.percentiles.p50! - exact(0.5))).toBeLessThanOrEqual(100);
    expect(Math.abs(stats.percentiles.p95! - exact(0.95))).toBeLessThanOrEqual(100);
    expect(stats.percentiles.p99).toBeLessThanOrEqual(Math.max(...latencies));
    expect(stats.errorRate).toBe(Math.round((100 - expectedUptime(new Date(Date.UTC(2026, 10, 24, 13)))) * 100) / 100);
    expect(stats.avgLatencyMs['24h']).toBe(Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length));
  });

  it('lays out a 90-day status bar and a series with the gap visible', async () => {
    const stats = await monitorStats(ctx, monitorId, '30d', NOW);
    expect(stats.statusBar90d).toHaveLength(90);
    expect(stats.statusBar90d.at(-2)).toMatchObject({ state: 'down' }); // the two failures were yesterday
    expect(stats.statusBar90d.at(-1)).toMatchObject({ state: 'up' });
    expect(stats.statusBar90d.at(-4)).toMatchObject({ state: 'up', uptime: 100 });
    expect(stats.statusBar90d.at(-5)).toMatchObject({ state: 'none', uptime: null });
    expect(stats.series).toHaveLength(30);
    const hourly = await monitorStats(ctx, monitorId, '7d', NOW);
    expect(hourly.series).toHaveLength(168);
  });

  it('pages results newest first without repeats, and filters by kind', async () => {
    const seen = new Set<number>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listResultsPage(ctx, { monitorId, limit: 50, cursor });
      page.items.forEach((item) => seen.add(item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(recorded.length);
    expect(pages).toBe(Math.ceil(recorded.length / 50));
    const failures = await listResultsPage(ctx, { monitorId, limit: 100, kind: 'status' });
    expect(failures.items).toHaveLength(2);
    await expect(listResultsPage(ctx, { monitorId, limit: 10, cursor: 'garbage' })).rejects.toThrow('cursor');
  });

  it('exports results and rollups as CSV', async () => {
    const csv = await exportCsv(ctx, monitorId, 'results', new Date(NOW.getTime() - DAY), new Date(NOW.getTime() + 1));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'checked_at,verdict,ok,in_maintenance,status_code,latency_ms,dns_ms,connect_ms,tls_ms,first_byte_ms,attempts,error_kind,error_message',
    );
    expect(lines).toHaveLength(recorded.filter((r) => r.at >= new Date(NOW.getTime() - DAY)).length + 1);
    expect(csv).toContain('status,"HTTP 503, expected 200-299"');
    const hourly = await exportCsv(ctx, monitorId, 'hourly', new Date(NOW.getTime() - DAY), NOW);
    expect(hourly.split('\r\n')[0]).toBe(
      'bucket_start,checks,failures,unknowns,maintenance,avg_latency_ms,min_latency_ms,max_latency_ms,p95_latency_ms',
    );
  });

  it('keeps results in daily partitions and drops expired days whole', async () => {
    const partitions = async () =>
      (
        await database.sql<
          { name: string }[]
        >`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'check_results' order by 1`
      ).map((r) => r.name);
    expect(await partitions()).toContain('check_results_p20261125');
    // Forty days later, with 30 days of retention, the seeded days are gone and new ones exist.
    const later = new Date(NOW.getTime() + 40 * DAY);
    const report = await runMaintenance(ctx, later);
    expect(report.partitionsDropped).toContain('check_results_p20261125');
    expect(report.partitionsCreated).toContain('check_results_p20270104');
    const [{ count }] =
      (await database.sql`select count(*)::int as count from check_results where monitor_id = ${monitorId}`) as unknown as [
        { count: number },
      ];
    expect(count).toBe(0);
    // Rollups outlive raw rows: the statistics of those days are still there.
    const [{ rollups }] =
      (await database.sql`select count(*)::int as rollups from check_rollups where monitor_id = ${monitorId}`) as unknown as [
        { rollups: number },
      ];
    expect(rollups).toBeGreaterThan(0);
  });
});
