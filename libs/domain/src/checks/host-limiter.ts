/**
 * At most `perHost` checks at once against one host. Many monitors on one slow host (paths of one site)
 * would otherwise fill every worker slot and starve the checks of every other host.
 */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(perHost: number): HostLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (host: string) => {
    const next = waiting.get(host)?.shift();
    if (next) return next(); // hand the slot straight to the next waiter
    const count = (active.get(host) ?? 1) - 1;
    if (count === 0) {
      active.delete(host);
      waiting.delete(host);
    } else active.set(host, count);
  };

  return {
    async run(host, task) {
      const count = active.get(host) ?? 0;
      if (count < perHost) active.set(host, count + 1);
      else await new Promise<void>((resolve) => waiting.set(host, [...(waiting.get(host) ?? []), resolve]));
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
