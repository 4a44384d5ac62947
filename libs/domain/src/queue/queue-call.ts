import { UnavailableError } from '../core/errors';
import { withTimeout } from '../core/with-timeout';

/** How long a request waits for the queue before it answers "unavailable" (the 2 s promise). */
export const QUEUE_CALL_DEADLINE_MS = 2_000;

/**
 * A queue operation made on behalf of a request: it answers within the deadline or fails with a clear
 * UnavailableError (503), never hangs while Redis is away. The cause is kept for the log, not the client.
 */
export async function queueCall<T>(operation: Promise<T>, deadlineMs = QUEUE_CALL_DEADLINE_MS): Promise<T> {
  try {
    return await withTimeout(operation, deadlineMs, 'queue call');
  } catch (error) {
    throw Object.assign(new UnavailableError('The job queue is not reachable right now; nothing was changed. Try again in a moment.'), {
      cause: error,
    });
  }
}
