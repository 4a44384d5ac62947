import { describe, expect, it } from 'vitest';
import { createSnapshotCache, type Built } from './snapshot-cache';

/** A cache over a counter: each build answers `<key>#<n>`, so a test sees when one happened. */
function counterCache(options: { fail?: () => boolean; missing?: string } = {}) {
  let clock = 0;
  let builds = 0;
  const stale: string[] = [];
  const cache = createSnapshotCache<string>({
    async build(key): Promise<Built<string> | null> {
      builds++;
      await Promise.resolve();
      if (options.fail?.()) throw new Error('database away');
      if (key === options.missing) return null;
      return { value: `${key}#${builds}`, monitorIds: [`monitor-of-${key}`] };
    },
    maxAgeMs: 30_000,
    minRebuildMs: 2_000,
    maxEntries: 2,
    onStale: (key) => stale.push(key),
    now: () => clock,
  });
  return { cache, stale, builds: () => builds, advance: (ms: number) => (clock += ms) };
}

describe('createSnapshotCache', () => {
  it('builds once for many viewers at once, then serves from memory until the value is 30 s old', async () => {
    const { cache, builds, advance } = counterCache();
    expect(await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')])).toEqual(['a#1', 'a#1', 'a#1']);
    advance(29_999);
    expect(await cache.get('a')).toBe('a#1');
    advance(1);
    expect(await cache.get('a')).toBe('a#2');
    expect(builds()).toBe(2);
  });

  it('rebuilds after a change to one of its monitors, but not more often than minRebuildMs', async () => {
    const { cache, advance } = counterCache();
    await cache.get('a');
    cache.monitorChanged('monitor-of-b');
    expect(await cache.get('a')).toBe('a#1');
    cache.monitorChanged('monitor-of-a');
    advance(1_000);
    expect(await cache.get('a')).toBe('a#1');
    advance(1_000);
    expect(await cache.get('a')).toBe('a#2');
  });

  it('serves the last value while a build fails, says so, and tries again only after minRebuildMs', async () => {
    let failing = false;
    const { cache, stale, builds, advance } = counterCache({ fail: () => failing });
    await cache.get('a');
    failing = true;
    advance(30_000);
    expect(await cache.get('a')).toBe('a#1');
    expect(stale).toEqual(['a']);
    expect(await cache.get('a')).toBe('a#1');
    expect(builds()).toBe(2);
    failing = false;
    advance(2_000);
    expect(await cache.get('a')).toBe('a#3');
  });

  it('passes the failure on when it has nothing to serve, keeps no answer for a missing key, and drops on demand', async () => {
    const { cache, builds } = counterCache({ fail: () => true });
    await expect(cache.get('a')).rejects.toThrow('database away');
    const missing = counterCache({ missing: 'gone' });
    expect(await missing.cache.get('gone')).toBeNull();
    expect(await missing.cache.get('gone')).toBeNull();
    expect(missing.builds()).toBe(2);
    expect(await missing.cache.get('a')).toBe('a#3');
    missing.cache.drop('a');
    expect(await missing.cache.get('a')).toBe('a#4');
    expect(builds()).toBe(1);
  });

  it('keeps at most maxEntries, the oldest going first', async () => {
    const { cache } = counterCache();
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    expect(await cache.get('b')).toBe('b#2');
    expect(await cache.get('a')).toBe('a#4');
  });
});
