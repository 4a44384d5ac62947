import type { Logger } from './logger';

/**
 * A warning that may fire thousands of times a second (every queue client's reconnect attempt during an
 * outage): the first one is logged, then at most one per `everyMs` carrying how many were held back.
 */
export function rateLimitedWarning(logger: Logger, message: string, everyMs = 10_000, now: () => number = Date.now) {
  let lastAt = -Infinity;
  let held = 0;
  return (fields: Record<string, unknown>) => {
    const at = now();
    if (at - lastAt < everyMs) {
      held++;
      return;
    }
    logger.warn(message, held > 0 ? { ...fields, heldBack: held } : fields);
    lastAt = at;
    held = 0;
  };
}
