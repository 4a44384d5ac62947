import { runHttpCheck } from './http/http-check';
import { plainGet } from './http/plain-get';

/**
 * Something the worker must always reach (by default our own api's /health). While it fails, the fault is
 * probably ours (network, DNS, the worker's host), so target failures are recorded as `unknown` and
 * nobody is paged for them.
 */
export interface Canary {
  /** True when the canary answered recently; probes again when the last answer is stale. */
  isHealthy(): Promise<boolean>;
  stop(): void;
}

export function createCanary(url: string | undefined, options: { intervalMs?: number; timeoutMs?: number } = {}): Canary {
  if (!url) return { isHealthy: async () => true, stop: () => undefined };
  const intervalMs = options.intervalMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let last: { healthy: boolean; at: number } | undefined;
  let inFlight: Promise<boolean> | undefined;

  const probe = () => {
    inFlight ??= runHttpCheck(plainGet(url, { timeoutMs, followRedirects: false, ignoreTlsErrors: true }))
      .then((outcome) => {
        last = { healthy: outcome.ok, at: Date.now() };
        return outcome.ok;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  // Regular probing keeps the answer fresh, so most failures need no extra request.
  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref();
  void probe();

  return {
    async isHealthy() {
      // A failure must be judged against a fresh canary answer: probe now unless the last one is very recent.
      if (last && Date.now() - last.at < Math.min(intervalMs, 5_000)) return last.healthy;
      return probe();
    },
    stop: () => clearInterval(timer),
  };
}
