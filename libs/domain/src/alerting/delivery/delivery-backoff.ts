import type { BackoffStrategy } from 'bullmq';
import type { NotifySettings } from '../../core/config';

/** Thrown by a failed attempt that has tries left; carries the provider's Retry-After, if it gave one. */
export class DeliveryRetryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'DeliveryRetryError';
  }
}

/**
 * Exponential backoff with "equal jitter" (between half and all of base·2^(n-1)): never immediate, and many
 * alerts failing together do not retry in lockstep. A provider's Retry-After wins, capped like the rest.
 */
export function deliveryBackoff(
  settings: Pick<NotifySettings, 'backoffMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): BackoffStrategy {
  return (attemptsMade, _type, error) => {
    const retryAfterMs = error instanceof DeliveryRetryError ? error.retryAfterMs : null;
    if (retryAfterMs !== null) return Math.min(retryAfterMs, settings.maxBackoffMs);
    const ceiling = Math.min(settings.backoffMs * 2 ** Math.max(0, attemptsMade - 1), settings.maxBackoffMs);
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  };
}
