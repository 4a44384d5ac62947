import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelInputSchema, monitorInputSchema, type LiveEvent } from '@mini-netumo/contracts';
import { createChannel } from '../alerting/channels/channel-service';
import { findMonitor } from '../db/queries/monitor-queries';
import { readWatchdog } from '../db/queries/watchdog-queries';
import { notifications } from '../db/schema';
import { recordChecks } from '../evaluation/record-check';
import { createLogger } from '../logging/logger';
import { createMonitor } from '../monitors/monitor-service';
import { claimDueChecksFor } from '../scheduling/claim-due-checks';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, startFakeWebhookReceiver, testAppConfig, type TestDatabase } from '../testing';
import type { FakeProvider } from '../testing/fake-providers/fake-provider';
import { sweepOverdue } from './schedule-watchdog';

const logger = createLogger('test');
const SECOND = 1_000;

/** The watchdog against real PostgreSQL and Redis; its clock is passed in, so "later" needs no waiting. */
describe('schedule watchdog', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  let receiver: FakeProvider & { url: string };
  const events: LiveEvent[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    receiver = await startFakeWebhookReceiver();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis'), logger);
    await runtime.events.subscribe((event) => events.push(event));
    ctx = domainContext(runtime, logger);
    await createChannel(
      ctx,
      channelInputSchema.parse({ name: 'Ops hook', kind: 'webhook', systemNotices: true, config: { url: receiver.url } }),
    );
    await createChannel(
      ctx,
      channelInputSchema.parse({ name: 'Alerts only', kind: 'webhook', config: { url: `${receiver.url}/alerts-only` } }),
    );
  });

  afterAll(async () => {
    await runtime?.close();
    await receiver?.close();
    await testDb?.drop();
  });

  // No worker runs here: every check due stays unclaimed unless a test claims it.
  // And each test keeps its own clock: the last sweep is forgotten.
  beforeEach(async () => {
    await runtime.database.sql`update monitors set paused = true, next_check_at = null`;
    await runtime.database.sql`update watchdog_state set swept_at = to_timestamp(0)`;
  });

  const create = async (name: string, timeoutMs = 2_000) =>
    createMonitor(ctx, monitorInputSchema.parse({ name, url: 'http://127.0.0.1:9/', intervalSeconds: 20, timeoutMs }));
  const row = async (id: string) => (await findMonitor(runtime.database.db, id))!;
  const inbox = async () => runtime.database.db.select().from(notifications);
  // Each sweep is claimed for a period; a clock a period apart always gets its own.
  let clock = Date.now();
  const later = (ms: number) => new Date((clock += ms));

  it('shows a monitor stale when no worker takes its check, tells once, and recovers on its next result', async () => {
    const monitor = await create('unclaimed');
    // An interval and the 7 s margin after it was created (due at once), and no result.
    clock = monitor.createdAt.getTime() + 28 * SECOND;
    const report = await sweepOverdue(ctx, new Date(clock));
    expect(report).toMatchObject({ repaired: 0, marked: 1, overdue: 1 });
    const stale = await row(monitor.id);
    expect(Math.abs(stale.staleSince!.getTime() - (monitor.createdAt.getTime() + 27 * SECOND))).toBeLessThan(SECOND);
    expect(stale.staleReason).toBe(
      'no result within 27 s (checks every 20 s); no worker has taken its check: the workers are behind their schedule, or none is running',
    );
    expect(events.some((event) => event.type === 'monitor.state' && event.state.id === monitor.id && event.state.stale !== null)).toBe(
      true,
    );

    // Degraded: one notice in the inbox and at the channel that asked for system notices, none elsewhere.
    expect((await inbox()).map((entry) => entry.title)).toEqual(['Monitoring is degraded: 1 monitor is overdue']);
    expect(receiver.requests.map((request) => [request.path, (request.json as { event: string }).event])).toEqual([
      ['/hooks/mini-netumo', 'monitoring.degraded'],
    ]);

    // A second sweep soon after adds nothing: no second notice.
    expect(await sweepOverdue(ctx, later(6 * SECOND))).toMatchObject({ marked: 0, overdue: 1 });
    expect(await inbox()).toHaveLength(1);

    const stored = new Date(clock);
    await recordChecks(
      runtime.database,
      [{ monitorId: monitor.id, slotAt: stored, checkedAt: stored, outcome: upOutcome, verdict: 'up', attempts: 1, inMaintenance: false }],
      stored,
    );
    expect((await row(monitor.id)).staleSince).toBeNull();
    expect(await sweepOverdue(ctx, later(6 * SECOND))).toMatchObject({ overdue: 0 });
    expect((await inbox()).map((entry) => entry.title)).toEqual(['Monitoring is degraded: 1 monitor is overdue', 'Monitoring recovered']);
    expect(receiver.requests.map((request) => (request.json as { event: string }).event)).toEqual([
      'monitoring.degraded',
      'monitoring.recovered',
    ]);
  });

  it('gives a monitor whose schedule was cleared by hand a new one, due now', async () => {
    const monitor = await create('cleared');
    await runtime.database.sql`update monitors set next_check_at = null where id = ${monitor.id}`;
    const at = new Date(Math.max(clock, monitor.createdAt.getTime()) + 60 * SECOND);
    clock = at.getTime();
    expect(await sweepOverdue(ctx, at)).toMatchObject({ repaired: 1, marked: 1 });
    const repaired = await row(monitor.id);
    expect(repaired.nextCheckAt).toEqual(at);
    expect(repaired.staleReason).toBe('no result within 27 s (checks every 20 s); its schedule was missing and has been restored');
    expect((await readWatchdog(runtime.database.sql)).repairs).toBe(1);
  });

  it('never calls a check in flight overdue before it could have ended', async () => {
    const monitor = await create('slow', 30_000);
    const claimedAt = new Date(monitor.createdAt.getTime() + 10 * SECOND);
    const [claim] = (await claimDueChecksFor(runtime.database.sql, claimedAt, claimedAt, 100)).filter((c) => c.id === monitor.id);
    expect(claim).toBeDefined();
    // Two attempts of 30 s, the 500 ms wait between them, and the 7 s margin: past the 27 s a result would promise.
    expect((await row(monitor.id)).overdueAt).toEqual(new Date(claimedAt.getTime() + 2 * 30_000 + 500 + 7_000));
    clock = claimedAt.getTime() + 40 * SECOND;
    await sweepOverdue(ctx, new Date(clock));
    expect((await row(monitor.id)).staleSince).toBeNull();
    clock = claimedAt.getTime() + 70 * SECOND;
    await sweepOverdue(ctx, new Date(clock));
    expect((await row(monitor.id)).staleSince).not.toBeNull();
  });

  it('keeps a monitor that was already overdue stale when a late claim takes it, until its result', async () => {
    const monitor = await create('late claim', 30_000);
    const deadline = (await row(monitor.id)).overdueAt!;
    const claimedAt = new Date(deadline.getTime() + 5 * SECOND);
    await claimDueChecksFor(runtime.database.sql, claimedAt, claimedAt, 100);
    expect((await row(monitor.id)).overdueAt).toEqual(deadline);
    clock = claimedAt.getTime() + SECOND;
    await sweepOverdue(ctx, new Date(clock));
    expect((await row(monitor.id)).staleSince).toEqual(deadline);
  });

  it('skips a monitor whose result is being stored, instead of waiting for it (or deadlocking with it)', async () => {
    const storing = await create('result being stored');
    const idle = await create('nobody checks');
    clock = Math.max(clock, storing.createdAt.getTime(), idle.createdAt.getTime()) + 28 * SECOND;
    // The recorder holds a row lock for as long as its batch's transaction runs.
    const report = await runtime.database.sql.begin(async (tx) => {
      await tx`select id from monitors where id = ${storing.id} for update`;
      return sweepOverdue(ctx, new Date(clock));
    });
    expect(report).toMatchObject({ marked: 1, overdue: 2 });
    expect((await row(idle.id)).staleSince).not.toBeNull();
    expect((await row(storing.id)).staleSince).toBeNull();
    // Unlocked, the next sweep marks it.
    expect(await sweepOverdue(ctx, later(6 * SECOND))).toMatchObject({ marked: 1 });
    expect((await row(storing.id)).staleSince).not.toBeNull();
  });

  it('lets one worker sweep per period, however many ask', async () => {
    const at = later(10 * SECOND);
    const reports = await Promise.all([sweepOverdue(ctx, at), sweepOverdue(ctx, at), sweepOverdue(ctx, new Date(at.getTime() + 1_000))]);
    expect(reports.filter((report) => report !== null)).toHaveLength(1);
  });
});

const upOutcome = {
  ok: true,
  statusCode: 200,
  latencyMs: 5,
  timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 4, totalMs: 5 },
  errorKind: null,
  errorMessage: null,
};
