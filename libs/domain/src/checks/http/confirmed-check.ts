import { setTimeout as sleep } from 'node:timers/promises';
import { runHttpCheck, type HttpCheckConfig, type HttpCheckOutcome } from './http-check';

export interface ConfirmationPolicy {
  /** Re-checks after a failure before it counts; each one over a fresh connection. */
  retries: number;
  /** Wait before the first re-check; doubles for each further one. */
  retryDelayMs: number;
}

/**
 * A failure is only believed once it repeats: one lost packet or a recycled keep-alive connection must not
 * page anyone. The first success ends it. Returns the deciding attempt and how many attempts ran.
 */
export async function runConfirmedHttpCheck(
  config: HttpCheckConfig,
  policy: ConfirmationPolicy,
): Promise<HttpCheckOutcome & { attempts: number }> {
  let outcome = await runHttpCheck(config);
  let attempts = 1;
  while (!outcome.ok && attempts <= policy.retries) {
    await sleep(policy.retryDelayMs * 2 ** (attempts - 1));
    outcome = await runHttpCheck(config);
    attempts++;
  }
  return { ...outcome, attempts };
}
