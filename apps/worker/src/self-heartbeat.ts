import { checkHealth, domainContext, rateLimitedWarning, type Logger, type Runtime } from '@mini-netumo/domain';

export interface SelfHeartbeatOptions {
  runtime: Runtime;
  logger: Logger;
  /** `SELF_HEARTBEAT_URL`: another instance's heartbeat, or any Healthchecks-style ping URL. */
  url: string;
  everyMs?: number;
}

/**
 * Pings `url` every minute while monitoring is healthy (database and queue reachable, no monitor overdue beyond
 * HEALTH_OVERDUE_THRESHOLD), so whatever watches that URL notices when this one stops watching. Returns the stop.
 */
export function startSelfHeartbeat(options: SelfHeartbeatOptions): () => void {
  const { runtime, logger, url, everyMs = 60_000 } = options;
  const ctx = domainContext(runtime, logger);
  const failed = rateLimitedWarning(logger, 'self-heartbeat ping failed', 10 * everyMs);
  const unhealthy = rateLimitedWarning(logger, 'monitoring is not healthy; the self-heartbeat stays silent', 10 * everyMs);
  const beat = async () => {
    const health = await checkHealth(ctx).catch(() => null);
    if (!health?.ok) return unhealthy({ database: health?.database.ok, queue: health?.queue.ok, overdue: health?.monitoring.overdue });
    // The URL may carry a key: it is never logged.
    const answer = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => error as Error);
    if (answer instanceof Error) failed({ error: answer.message });
    else if (!answer.ok) failed({ status: answer.status });
  };
  const timer = setInterval(() => void beat(), everyMs);
  void beat();
  return () => clearInterval(timer);
}
