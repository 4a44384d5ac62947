import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { expectRecovered } from './expect-recovered';
import { createFaultStack, type Backend, type FaultStack } from './fault-stack';
import { bringUpFleet } from './fleet-scenarios';
import { ensureSteady, type FaultReport } from './run-fault';

/** Each scenario: steady → fault → recovery measured (≤ 60 s) → settle (≤ 30 s), with room to heal first. */
const SCENARIO_TIMEOUT_MS = 300_000;

export interface FaultScenario {
  name: string;
  /** Injects the fault on a steady fleet and measures the recovery. */
  run(stack: FaultStack, runStartedAt: Date): Promise<FaultReport>;
}

/**
 * One backend's fault suite: a fleet of 300 monitors on real processes, each scenario started from a steady
 * state and held to the same promises (see expectRecovered); on a failure the processes' logs are kept.
 */
export function describeFaults(title: string, backend: Backend, scenarios: FaultScenario[]): void {
  describe(title, () => {
    const stack = createFaultStack(backend);
    const runStartedAt = new Date();

    beforeAll(() => bringUpFleet(stack), 300_000);
    afterAll(() => stack.stop(), 120_000);
    afterEach(({ task }) => {
      if (task.result?.state !== 'fail') return;
      console.log(stack.tails());
      stack.keepLogs();
    });

    for (const scenario of scenarios) {
      it(
        scenario.name,
        async () => {
          await ensureSteady(stack);
          expectRecovered(await scenario.run(stack, runStartedAt));
        },
        SCENARIO_TIMEOUT_MS,
      );
    }
  });
}
