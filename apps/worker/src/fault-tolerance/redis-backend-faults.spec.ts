import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { expectRecovered } from './expect-recovered';
import { createFaultStack } from './fault-stack';
import { bringUpFleet, workerJoinsWhileCreating } from './fleet-scenarios';
import { ensureSteady, runFault } from './run-fault';

/** Each scenario: steady → fault → recovery measured (≤ 60 s) → settle (≤ 30 s), with room to heal first. */
const SCENARIO_TIMEOUT_MS = 300_000;

/**
 * Issue 10, on the Redis queue backend: 300 monitors every 20 s, the real api and worker processes, their own
 * PostgreSQL and Redis. After each fault every monitor is checked again within two intervals, nobody restarts
 * anything, nothing is falsely DOWN, nothing is stored or sent twice, and the gap is visible while it lasts.
 * Alone: `npx vitest run -c apps/worker/vitest.config.ts apps/worker/src/fault-tolerance` (both backends in
 * parallel, 5–7 minutes). Each fault prints one `fault-timing {...}` line: the closing-note numbers.
 */
describe('monitoring survives faults on the Redis queue backend', () => {
  const stack = createFaultStack('redis');
  const runStartedAt = new Date();

  beforeAll(() => bringUpFleet(stack), 300_000);
  afterAll(() => stack.stop(), 120_000);
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return;
    console.log(stack.tails());
    stack.keepLogs();
  });

  it('FLUSHALL under load', async () => {
    await ensureSteady(stack);
    const report = await runFault(stack, { fault: 'flushall', inject: () => stack.flushQueue() }, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);

  it('Redis restarted empty', async () => {
    await ensureSteady(stack);
    const redis = stack.redis;
    if (!redis) throw new Error('no Redis on the Redis backend');
    const report = await runFault(stack, { fault: 'redis-restarted-empty', inject: () => redis.restartEmpty(2_000) }, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);

  it('PostgreSQL restarted', async () => {
    await ensureSteady(stack);
    const report = await runFault(stack, { fault: 'postgres-restarted', inject: () => stack.postgres.restart(5_000) }, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);

  it('a worker joining while 300 monitors are created', async () => {
    await ensureSteady(stack);
    const report = await workerJoinsWhileCreating(stack, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);
});

