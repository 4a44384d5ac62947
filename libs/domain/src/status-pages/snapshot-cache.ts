/** What a cache entry was built from: rebuilt when one of these monitors changes. */
export interface Built<V> {
  value: V;
  monitorIds: readonly string[];
}

export interface SnapshotCacheOptions<V> {
  /** Builds the value for a key; null when there is nothing there (an unknown slug), which is not kept. */
  build(key: string): Promise<Built<V> | null>;
  /** Never older than this (the status pages promise 30 s). */
  maxAgeMs: number;
  /** A change to one of an entry's monitors rebuilds it, but not more often than this: checks come every second. */
  minRebuildMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** A build failed (the database is away): the last value is served meanwhile, and this says so. */
  onStale(key: string, error: unknown): void;
  now?: () => number;
}

export interface SnapshotCache<V> {
  get(key: string): Promise<V | null>;
  drop(key: string): void;
  monitorChanged(monitorId: string): void;
  clear(): void;
}

interface Entry<V> {
  built: Built<V>;
  at: number;
  dirty: boolean;
}

/**
 * Public pages and badges served from memory: a thousand viewers cost one build per key per interval, and a build
 * in flight is shared. While a build fails, the last good value is served (the world sees the page a little old,
 * not an error) and `onStale` reports it.
 */
export function createSnapshotCache<V>(options: SnapshotCacheOptions<V>): SnapshotCache<V> {
  const { maxAgeMs, minRebuildMs, maxEntries, now = Date.now } = options;
  const entries = new Map<string, Entry<V>>();
  const building = new Map<string, Promise<V | null>>();

  const fresh = (entry: Entry<V>) => {
    const age = now() - entry.at;
    return age < (entry.dirty ? minRebuildMs : maxAgeMs);
  };

  const rebuild = (key: string): Promise<V | null> => {
    const inFlight = building.get(key);
    if (inFlight) return inFlight;
    const startedAt = now();
    const promise = options
      .build(key)
      .then(
        (built) => {
          if (!built) {
            entries.delete(key);
            return null;
          }
          entries.delete(key);
          entries.set(key, { built, at: startedAt, dirty: false });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
          return built.value;
        },
        (error: unknown) => {
          const last = entries.get(key);
          if (!last) throw error;
          options.onStale(key, error);
          // Tried again after minRebuildMs, not by every request while the database is away.
          entries.set(key, { ...last, at: now(), dirty: true });
          return last.built.value;
        },
      )
      .finally(() => building.delete(key));
    building.set(key, promise);
    return promise;
  };

  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry && fresh(entry)) return entry.built.value;
      return rebuild(key);
    },
    drop: (key) => void entries.delete(key),
    monitorChanged(monitorId) {
      for (const entry of entries.values()) if (!entry.dirty && entry.built.monitorIds.includes(monitorId)) entry.dirty = true;
    },
    clear: () => entries.clear(),
  };
}
