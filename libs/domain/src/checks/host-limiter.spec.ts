import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createHostLimiter', () => {
  it('runs at most N tasks per host and lets other hosts through', async () => {
    const limiter = createHostLimiter(2);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const releases: (() => void)[] = [];
    const task = (host: string) =>
      limiter.run(host, async () => {
        running.set(host, (running.get(host) ?? 0) + 1);
        peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!));
        await new Promise<void>((resolve) => releases.push(resolve));
        running.set(host, running.get(host)! - 1);
      });
    const all = [task('slow'), task('slow'), task('slow'), task('slow'), task('fast')];
    await tick();
    expect(running.get('slow')).toBe(2); // two wait for a slot
    expect(running.get('fast')).toBe(1); // not starved by the slow host
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
    await Promise.all(all);
    expect(peak.get('slow')).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('h', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('h', async () => 'next')).resolves.toBe('next');
  });
});
