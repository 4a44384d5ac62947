import { MemoryStore, type Options as RateLimitOptions } from 'express-rate-limit';

const WINDOW_MS = 60_000;

/** A per-key budget of requests a minute: null while within it, else the seconds to wait (for `Retry-After`). */
export type WindowLimit = (key: string) => Promise<number | null>;

/** express-rate-limit's own store, without its middleware (pings and public pages are answered before Express). */
export function windowLimit(perMinute: number): WindowLimit {
  const store = new MemoryStore();
  // The store reads only windowMs of the middleware's options.
  store.init({ windowMs: WINDOW_MS } as RateLimitOptions);
  return async (key) => {
    const { totalHits, resetTime } = await store.increment(key);
    if (totalHits <= perMinute) return null;
    return Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1_000));
  };
}
