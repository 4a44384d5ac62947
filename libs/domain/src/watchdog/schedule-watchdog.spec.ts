import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelInputSchema, monitorInputSchema, type LiveEvent } from '@mini-netumo/contracts';
import { createChannel } from '../alerting/channels/channel-service';
import { findMonitor } from '../db/queries/monitor-queries';
import { readWatchdog } from '../db/queries/watchdog-queries';
import { notifications } from '../db/schema';
import { recordChecks } from '../evaluation/record-check';
import { createLogger } from '../logging/logger';
import { createMonitor } from '../monitors/monitor-service';
import { listSchedulerIds, nextSlotAfter } from '../queue/check-schedules';
import { QUEUE_NAMES } from '../queue/queue-names';
import { createScheduleSync } from '../scheduling/sync-schedules';
import { domainContext, type DomainContext } from '../runtime/domain-context';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createTestDatabase, startFakeWebhookReceiver, testAppConfig, type TestDatabase } from '../testing';
import type { FakeProvider } from '../testing/fake-providers/fake-provider';
import { sweepOverdue, type WatchdogLane } from './schedule-watchdog';

const logger = createLogger('test');
const SECOND = 1_000;

/** The watchdog against real PostgreSQL and Redis; its clock is passed in, so "later" needs no waiting. */
describe('schedule watchdog', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let ctx: DomainContext;
  let receiver: FakeProvider & { url: string };
  const inFlight = new Set<string>();
  const events: LiveEvent[] = [];
  let lane: WatchdogLane;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    receiver = await startFakeWebhookReceiver();
    runtime = await openRuntime(testAppConfig(testDb.url, 'redis'), logger);
    await runtime.events.subscribe((event) => events.push(event));
    ctx = domainContext(runtime, logger);
    lane = { schedules: createScheduleSync(ctx), localInFlight: () => inFlight };
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

  beforeEach(() => inFlight.clear());

  const create = async (name: string) =>
    createMonitor(ctx, monitorInputSchema.parse({ name, url: 'http://127.0.0.1:9/', intervalSeconds: 20, timeoutMs: 2_000 }));
  const checkQueue = () => runtime.queues.queue(QUEUE_NAMES.checkHttp);
  const row = async (id: string) => (await findMonitor(runtime.database.db, id))!;
  const inbox = async () => runtime.database.db.select().from(notifications);
  // Each sweep is claimed for a period; a clock a period apart always gets its own.
  let clock = Date.now();
  const later = (ms: number) => new Date((clock += ms));

  it('finds a monitor whose schedule vanished, re-creates it, queues a check and shows it stale until a result', async () => {
    const monitor = await create('lost');
    await checkQueue().removeJobScheduler(monitor.id);
    await (await checkQueue().getJob(await firstJobId(checkQueue())))?.remove();

    // Just past one of its slots, so its next regular check is a whole interval away: it gets a catch-up.
    clock = nextSlotAfter(monitor.id, 20 * SECOND, clock + 28 * SECOND) + 1;
    const report = await sweepOverdue(ctx, lane, new Date(clock));
    expect(report).toMatchObject({ repaired: 1, inFlight: 0, overdue: 1 });
    expect(await listSchedulerIds(checkQueue())).toContain(monitor.id);
    expect(await checkQueue().getJob(`catch-up-${monitor.id}`)).toBeTruthy();
    const stale = await row(monitor.id);
    // Stale since it became overdue: created, then an interval and the 7 s margin without a result.
    expect(Math.abs(stale.staleSince!.getTime() - (monitor.createdAt.getTime() + 27 * SECOND))).toBeLessThan(SECOND);
    expect(stale.staleReason).toBe('no result within 27 s (checks every 20 s); its schedule was re-created and a check queued');
    expect(events.some((event) => event.type === 'monitor.state' && event.state.id === monitor.id && event.state.stale !== null)).toBe(
      true,
    );
    expect((await readWatchdog(runtime.database.sql)).repairs).toBe(1);

    // Degraded: one notice in the inbox and at the channel that asked for system notices, none elsewhere.
    expect((await inbox()).map((entry) => entry.title)).toEqual(['Monitoring is degraded: 1 monitor is overdue']);
    expect(receiver.requests.map((request) => [request.path, (request.json as { event: string }).event])).toEqual([
      ['/hooks/mini-netumo', 'monitoring.degraded'],
    ]);

    // A second sweep soon after adds nothing: no repeated repair, no second notice.
    expect(await sweepOverdue(ctx, lane, later(6 * SECOND))).toMatchObject({ repaired: 0, overdue: 1 });
    expect(await inbox()).toHaveLength(1);

    const stored = new Date(clock);
    await recordChecks(
      runtime.database,
      [{ monitorId: monitor.id, slotAt: stored, checkedAt: stored, outcome: upOutcome, verdict: 'up', attempts: 1, inMaintenance: false }],
      stored,
    );
    expect((await row(monitor.id)).staleSince).toBeNull();
    expect(await sweepOverdue(ctx, lane, later(6 * SECOND))).toMatchObject({ overdue: 0 });
    expect((await inbox()).map((entry) => entry.title)).toEqual(['Monitoring is degraded: 1 monitor is overdue', 'Monitoring recovered']);
    expect(receiver.requests.map((request) => (request.json as { event: string }).event)).toEqual([
      'monitoring.degraded',
      'monitoring.recovered',
    ]);
  });

  it('re-creates the schedule but queues no catch-up when the next slot is moments away', async () => {
    const monitor = await create('almost due');
    await checkQueue().removeJobScheduler(monitor.id);
    clock = nextSlotAfter(monitor.id, 20 * SECOND, clock + 60 * SECOND) - 2 * SECOND;
    await sweepOverdue(ctx, lane, new Date(clock));
    expect(await listSchedulerIds(checkQueue())).toContain(monitor.id);
    expect(await checkQueue().getJob(`catch-up-${monitor.id}`)).toBeUndefined();
    expect((await row(monitor.id)).staleSince).not.toBeNull();
  });

  it('gives a check still in flight until it can end, without calling it stale', async () => {
    const monitor = await create('slow');
    inFlight.add(monitor.id);
    const at = later(60 * SECOND);
    expect(await sweepOverdue(ctx, lane, at)).toMatchObject({ inFlight: 1 });
    const busy = await row(monitor.id);
    expect(busy.staleSince).toBeNull();
    // Two attempts of 2 s, the 500 ms wait between them, and the 7 s margin.
    expect(busy.overdueAt).toEqual(new Date(at.getTime() + 2 * 2_000 + 500 + 7_000));
  });

  it('lets one worker sweep per period, however many ask', async () => {
    const at = later(10 * SECOND);
    const reports = await Promise.all([
      sweepOverdue(ctx, lane, at),
      sweepOverdue(ctx, lane, at),
      sweepOverdue(ctx, lane, new Date(at.getTime() + 1_000)),
    ]);
    expect(reports.filter((report) => report !== null)).toHaveLength(1);
  });

  it('says the queue cannot be reached, and repairs nothing, while it is down', async () => {
    const monitor = await create('queue down');
    // A queue client pointed at a port nothing listens on: every call fails at once, as during an outage.
    const deadConnection = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    deadConnection.on('error', () => undefined);
    const deadQueue = new Queue(QUEUE_NAMES.checkHttp, { connection: deadConnection, skipWaitingForReady: true });
    deadQueue.on('error', () => undefined);
    try {
      const report = await sweepOverdue({ ...ctx, queues: { ...ctx.queues, queue: () => deadQueue } }, lane, later(60 * SECOND));
      expect(report).toMatchObject({ repaired: 0, unreachable: expect.any(Number) });
      expect((await row(monitor.id)).staleReason).toBe(
        'no result within 27 s (checks every 20 s); the job queue cannot be reached, so no check can run',
      );
    } finally {
      await deadQueue.close().catch(() => undefined);
      deadConnection.disconnect();
    }
  });
});

async function firstJobId(queue: Queue): Promise<string> {
  const [job] = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active'], 0, 0);
  return job?.id ?? '';
}

const upOutcome = {
  ok: true,
  statusCode: 200,
  latencyMs: 5,
  timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 4, totalMs: 5 },
  errorKind: null,
  errorMessage: null,
};
