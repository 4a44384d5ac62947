/**
 * One query at a time per registry server, at least `minGapMs` apart. Registries throttle or block
 * clients that ask fast (a rate-limited answer is an unknown for a day), so we ask politely instead.
 */
export interface RegistryPacer {
  run<T>(server: string, task: () => Promise<T>): Promise<T>;
}

export function createRegistryPacer(minGapMs: number): RegistryPacer {
  const tails = new Map<string, Promise<void>>();
  return {
    run(server, task) {
      const previous = tails.get(server) ?? Promise.resolve();
      const result = previous.then(task);
      // The next query waits for this one to settle, then for the gap; a failure does not stop the line.
      const tail = result
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, minGapMs)));
      tails.set(server, tail);
      void tail.then(() => {
        if (tails.get(server) === tail) tails.delete(server);
      });
      return result;
    },
  };
}
