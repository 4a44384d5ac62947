/**
 * A loop's pause that something else can end early: the loop sleeps towards its next look, and a stop (or new
 * work) wakes it at once instead of waiting the pause out.
 */
export interface WakeableSleep {
  sleep(ms: number): Promise<void>;
  /** Ends the current sleep now; without one it does nothing. */
  wake(): void;
}

export function wakeableSleep(): WakeableSleep {
  let wakeNow: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wakeNow = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => wakeNow?.(),
  };
}
