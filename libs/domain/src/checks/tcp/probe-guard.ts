import type { EventEmitter } from 'node:events';

/**
 * The one deadline of a probe and the first error any of its sockets reports. Every step races against
 * both, so no step outlives the check, and an error emitted between two steps fails the next one.
 */
export interface ProbeGuard {
  /** Hears the stream's errors for as long as it lives: an 'error' nobody listens to would crash the worker. */
  watch(stream: EventEmitter): void;
  /** The work's result, or the first socket error, or a TimeoutError once the deadline has passed. */
  step<T>(work: Promise<T>): Promise<T>;
  /** Clears the deadline's timer; call it when the probe is over, however it ended. */
  dispose(): void;
}

export function createProbeGuard(timeoutMs: number): ProbeGuard {
  let fail: (reason: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // A socket may still report an error after the last step; that rejection has nobody racing it.
  failed.catch(() => undefined);
  const timer = setTimeout(() => fail(new DOMException(`no result within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  return {
    watch(stream) {
      stream.on('error', fail);
    },
    step: (work) => Promise.race([work, failed]),
    dispose: () => clearTimeout(timer),
  };
}
