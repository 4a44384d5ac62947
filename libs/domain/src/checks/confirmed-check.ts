import { setTimeout as sleep } from 'node:timers/promises';

export interface ConfirmationPolicy {
  /** Re-checks after a failure before it counts; each one over a fresh connection. */
  retries: number;
  /** Wait before the first re-check; doubles for each further one. */
  retryDelayMs: number;
}

/**
 * A failure is only believed once it repeats: one lost packet or a recycled keep-alive connection must not
 * page anyone. The first success ends it. Returns the deciding attempt and how many attempts ran. Every
 * kind's probe opens a fresh connection (or query) per call, so a re-check never rides the one that failed.
 */
export async function runConfirmed<T extends { ok: boolean }>(
  probe: () => Promise<T>,
  policy: ConfirmationPolicy,
): Promise<T & { attempts: number }> {
  let outcome = await probe();
  let attempts = 1;
  while (!outcome.ok && attempts <= policy.retries) {
    await sleep(policy.retryDelayMs * 2 ** (attempts - 1));
    outcome = await probe();
    attempts++;
  }
  return { ...outcome, attempts };
}
