import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { createCanary } from '../checks/canary';
import { createHostLimiter } from '../checks/host-limiter';
import { stableOffsetMs } from '../core/stable-offset';
import { createCheckRecorder, type CheckRecorder } from '../evaluation/check-recorder';
import { createMaintenanceCache } from '../maintenance-windows/maintenance-cache';
import type { DomainContext } from '../runtime/domain-context';
import { createTestDatabase, startTargetServer, testDomainContext, waitFor, type TargetServer, type TestDatabase } from '../testing';
import { startCheckClaimer, type CheckClaimer } from './check-claimer';
import type { CheckLane } from './run-check';

/** The check lane's scheduler against real PostgreSQL and a real loopback target; no queue is involved. */
describe('check claimer', () => {
  let testDb: TestDatabase;
  let database: Database;
  let ctx: DomainContext;
  let target: TargetServer;
  const claimers: CheckClaimer[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    await applyMigrations(database);
    ctx = testDomainContext(database);
    target = await startTargetServer();
  });

  afterEach(async () => {
    await Promise.all(claimers.splice(0).map((claimer) => claimer.stop()));
    await database.sql`truncate monitors cascade`;
    target.answer(200);
  });

  afterAll(async () => {
    await database?.close();
    await target?.close();
    await testDb?.drop();
  });

  /** A worker's lane whose recorder also counts what this worker stored. */
  const startWorkerLike = (options: { concurrency: number; tickMs: number; recorderWaitMs?: number }) => {
    const recorder = createCheckRecorder(ctx, { maxWaitMs: options.recorderWaitMs });
    let stored = 0;
    const counting: CheckRecorder = {
      ...recorder,
      record: async (check) => {
        stored++;
        return recorder.record(check);
      },
    };
    const lane: CheckLane = {
      recorder: counting,
      canary: createCanary(undefined),
      hostLimiter: createHostLimiter(100),
      maintenance: createMaintenanceCache(ctx),
    };
    const claimer = startCheckClaimer(ctx, lane, options);
    claimers.push(claimer);
    return { claimer, stored: () => stored };
  };
  const insertMonitors = async (count: number, intervalSeconds: number, dueAt: (i: number) => Date) => {
    const rows = await database.sql<{ id: string }[]>`
      insert into monitors (name, url, interval_seconds, timeout_ms, failure_threshold, retries)
      select 'm' || n, ${target.url}, ${intervalSeconds}, 2000, 2, 0 from generate_series(1, ${count}) as n returning id`;
    const ids = rows.map((row) => row.id);
    await database.sql`
      update monitors m set next_check_at = v.due
      from unnest(${database.sql.array(ids)}::uuid[], ${database.sql.array(ids.map((_, i) => dueAt(i).toISOString()))}::timestamptz[])
        as v(id, due)
      where m.id = v.id`;
    return ids;
  };
  const resultsPerMonitor = async () =>
    new Map(
      (await database.sql<{ id: string; n: number }[]>`select monitor_id as id, count(*)::int as n from check_results group by 1`).map(
        (row) => [row.id, row.n],
      ),
    );
  const schedule = async () =>
    new Map(
      (await database.sql<{ id: string; next: string | null }[]>`select id, next_check_at as next from monitors`).map((row) => [
        row.id,
        row.next === null ? null : new Date(row.next).getTime(),
      ]),
    );

  it('shares due checks between two workers, checks each slot once, and puts every monitor on its beat', async () => {
    const now = Date.now();
    const ids = await insertMonitors(40, 60, (i) => new Date(now + (i % 10) * 100));
    const first = startWorkerLike({ concurrency: 50, tickMs: 100 });
    const second = startWorkerLike({ concurrency: 50, tickMs: 100 });
    await waitFor('every monitor checked', async () => (await resultsPerMonitor()).size === 40);
    // Longer than a tick more: a second check of any slot would show now.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const counts = await resultsPerMonitor();
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(first.stored() + second.stored()).toBe(40);
    expect(first.stored()).toBeGreaterThan(0);
    expect(second.stored()).toBeGreaterThan(0);
    const next = await schedule();
    for (const id of ids) {
      const at = next.get(id)!;
      expect(at % 60_000).toBe(stableOffsetMs(id, 60_000));
      // A quarter interval after its check at least (it was due off its beat), one and a quarter at most.
      expect(at).toBeGreaterThanOrEqual(now + 15_000);
      expect(at).toBeLessThanOrEqual(now + 1_000 + 75_000);
    }
  });

  it('claims no more than it can start before its next look, leaving the rest due for any worker', async () => {
    target.behave((_req, res) => setTimeout(() => res.writeHead(200).end('slow'), 400));
    const now = Date.now();
    await insertMonitors(10, 60, () => new Date(now - 1_000));
    const { claimer } = startWorkerLike({ concurrency: 3, tickMs: 50 });
    await waitFor('a first claim', () => claimer.inFlight() > 0);
    const [due] = await database.sql<{ n: number }[]>`select count(*)::int as n from monitors where next_check_at <= now()`;
    expect(claimer.inFlight()).toBeLessThanOrEqual(3);
    expect(due!.n).toBeGreaterThanOrEqual(7);
    await waitFor('all ten checked', async () => (await resultsPerMonitor()).size === 10);
  });

  it('probes the next checks while the results of the last wait for the recorder, up to a bound', async () => {
    const now = Date.now();
    await insertMonitors(40, 60, () => new Date(now - 1_000));
    const hitsBefore = target.hits();
    // Results wait 2 s for their batch. Counted against the concurrency, the first two would hold both slots
    // until then, and the target would see two requests.
    const { stored } = startWorkerLike({ concurrency: 2, tickMs: 50, recorderWaitMs: 2_000 });
    // Up to sixteen checks claimed and not stored per unit of concurrency: 32, then the claimer waits for the batch.
    await waitFor('32 probes before the first batch is stored', () => target.hits() - hitsBefore >= 32);
    expect(stored()).toBeGreaterThanOrEqual(32);
    expect((await resultsPerMonitor()).size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.hits() - hitsBefore).toBe(32);
    await waitFor('all forty checked', async () => (await resultsPerMonitor()).size === 40);
  });

  it('probes no more than its concurrency at once when many checks start together', async () => {
    let open = 0;
    let most = 0;
    target.behave((_req, res) => {
      most = Math.max(most, ++open);
      setTimeout(() => {
        open--;
        res.writeHead(200).end('slow');
      }, 300);
    });
    // One slot for all six, far enough ahead that one look claims them all and they wait for it together.
    const slot = new Date(Date.now() + 1_200);
    await insertMonitors(6, 60, () => slot);
    const { claimer } = startWorkerLike({ concurrency: 2, tickMs: 2_000 });
    await waitFor('all six claimed', () => claimer.inFlight() === 6);
    await waitFor('all six checked', async () => (await resultsPerMonitor()).size === 6);
    expect(most).toBe(2);
  });

  it('gives back, when it stops, a check it claimed ahead of its slot but had not started', async () => {
    const slot = new Date(Date.now() + 1_500);
    const [id] = await insertMonitors(1, 60, () => slot);
    const { claimer } = startWorkerLike({ concurrency: 5, tickMs: 2_000 });
    await waitFor('the claim', () => claimer.inFlight() === 1);
    expect((await schedule()).get(id!)).toBeGreaterThan(slot.getTime());
    await claimer.stop();
    expect((await schedule()).get(id!)).toBe(slot.getTime());
    expect((await resultsPerMonitor()).size).toBe(0);
  });

  it('checks a monitor whose slots passed while no worker ran once, then puts it back on its beat', async () => {
    const now = Date.now();
    const [id] = await insertMonitors(1, 20, () => new Date(now - 10 * 60_000));
    startWorkerLike({ concurrency: 5, tickMs: 100 });
    await waitFor('the late check', async () => (await resultsPerMonitor()).get(id!) === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await resultsPerMonitor()).get(id!)).toBe(1);
    const next = (await schedule()).get(id!)!;
    expect(next - now).toBeGreaterThanOrEqual(5_000);
    expect(next - now).toBeLessThanOrEqual(26_000);
    expect(next % 20_000).toBe(stableOffsetMs(id!, 20_000));
  });
});
