import { expect } from 'vitest';
import { INTERVAL_MS, type FaultStack } from './fault-stack';
import { runFault, type FaultReport } from './run-fault';

/** The fleet the issue was found with: 300 monitors every 20 s against the loopback target. */
export const FLEET_SIZE = 300;

/** Starts the stack, creates the fleet and waits until every monitor has a scheduled result, not only its creation check. */
export async function bringUpFleet(stack: FaultStack): Promise<void> {
  await stack.start();
  const { refusals } = await stack.createMonitors(FLEET_SIZE);
  if (refusals.length) console.log(`fault-setup: ${refusals.length} creations refused, then retried: ${refusals[0]}`);
  const deadline = Date.now() + 2 * INTERVAL_MS + 20_000;
  for (;;) {
    const coverage = await stack.probe.coverage(new Date(0), { skipFirstResult: true });
    if (coverage.allCheckedAfterMs !== null) return;
    if (Date.now() > deadline) throw new Error(`steady state not reached: ${coverage.checked}/${coverage.total} monitors scheduled`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * A deploy or scale-out: a second worker starts while as many monitors again are created through the api,
 * the creations spread so they run before, during and after its start-up reconcile.
 */
export async function workerJoinsWhileCreating(stack: FaultStack, runStartedAt: Date): Promise<FaultReport> {
  let joinedAfterMs = Infinity;
  let creatingForMs = 0;
  let refusals: string[] = [];
  const report = await runFault(
    stack,
    {
      fault: 'worker-joins',
      // The new monitors' creation checks run whatever the schedules say: only later results prove a schedule.
      skipFirstResult: true,
      async inject() {
        const startedAt = Date.now();
        const joined = stack.addWorker().ready.then((ms) => (joinedAfterMs = ms));
        // Long enough that the worker's start-up (slower under load than the first one's) ends inside it.
        ({ refusals } = await stack.createMonitors(FLEET_SIZE, Math.max(20_000, 3 * stack.workerStartupMs)));
        creatingForMs = Date.now() - startedAt;
        const createdAt = new Date();
        await joined;
        return createdAt;
      },
    },
    runStartedAt,
  );
  console.log(`fault-worker-join ${JSON.stringify({ backend: stack.backend, joinedAfterMs, creatingForMs, refusals: refusals.length })}`);
  expect.soft(refusals, 'monitors.create refused while the worker joined (each was tried again)').toEqual([]);
  // Else the scenario did not test the race it is about.
  expect(joinedAfterMs, 'the second worker started while monitors were still being created').toBeLessThan(creatingForMs);

  // Every monitor keeps being checked: two scheduled results each within two intervals (and a little).
  const windowEnd = new Date(report.countFrom.getTime() + 2 * INTERVAL_MS + 10_000);
  if (windowEnd.getTime() > Date.now()) await new Promise((resolve) => setTimeout(resolve, windowEnd.getTime() - Date.now()));
  const results = await stack.probe.fewestResultsBetween(report.countFrom, windowEnd);
  console.log(
    `fault-worker-join-window ${JSON.stringify({ backend: stack.backend, monitors: results.monitors, fewest: results.fewest, belowTwo: results.below(2) })}`,
  );
  expect.soft(results.monitors, 'monitors after the join').toBe(2 * FLEET_SIZE);
  expect.soft(results.below(2), 'monitors with fewer than 2 scheduled results in the 2 intervals after creation').toBe(0);
  return report;
}
