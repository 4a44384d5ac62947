import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { expectRecovered } from './expect-recovered';
import { createFaultStack } from './fault-stack';
import { bringUpFleet, workerJoinsWhileCreating } from './fleet-scenarios';
import { ensureSteady, runFault } from './run-fault';

/** Each scenario: steady → fault → recovery measured (≤ 60 s) → settle (≤ 30 s), with room to heal first. */
const SCENARIO_TIMEOUT_MS = 300_000;

/**
 * Issue 10, on the PostgreSQL queue backend (no REDIS_URL: BullMQ and live events on PostgreSQL), with the
 * same promises as on Redis. Emptying BullMQ's own tables stands in for FLUSHALL.
 */
describe('monitoring survives faults on the PostgreSQL queue backend', () => {
  const stack = createFaultStack('postgres');
  const runStartedAt = new Date();

  beforeAll(() => bringUpFleet(stack), 300_000);
  afterAll(() => stack.stop(), 120_000);
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return;
    console.log(stack.tails());
    stack.keepLogs();
  });

  it('PostgreSQL restarted', async () => {
    await ensureSteady(stack);
    const report = await runFault(stack, { fault: 'postgres-restarted', inject: () => stack.postgres.restart(5_000) }, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);

  it("BullMQ's tables emptied under load", async () => {
    await ensureSteady(stack);
    const report = await runFault(stack, { fault: 'queue-tables-emptied', inject: () => stack.flushQueue() }, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);

  it('a worker joining while 300 monitors are created', async () => {
    await ensureSteady(stack);
    const report = await workerJoinsWhileCreating(stack, runStartedAt);
    expectRecovered(report);
  }, SCENARIO_TIMEOUT_MS);
});

