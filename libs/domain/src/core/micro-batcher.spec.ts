import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batcher';

describe('createMicroBatcher', () => {
  it('serves what arrives in one turn with one run, each caller its own answer', async () => {
    const runs: number[][] = [];
    const batcher = createMicroBatcher(async (items: number[]) => {
      runs.push(items);
      return items.map((item) => item * 10);
    });
    expect(await Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)])).toEqual([10, 20, 30]);
    expect(await batcher.add(4)).toBe(40);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('runs at once when maxBatch items wait, and the rest after waitMs', async () => {
    const runs: string[][] = [];
    const batcher = createMicroBatcher(async (items: string[]) => (runs.push(items), items), { waitMs: 20, maxBatch: 2 });
    const all = Promise.all(['a', 'b', 'c'].map((item) => batcher.add(item)));
    await Promise.resolve();
    expect(runs).toEqual([['a', 'b']]);
    await all;
    expect(runs).toEqual([['a', 'b'], ['c']]);
  });

  it('gives every caller of a failed run the error, and runs the next batch', async () => {
    let fail = true;
    const batcher = createMicroBatcher(async (items: number[]) => {
      if (fail) throw new Error('down');
      return items;
    });
    const settled = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(settled.map((each) => each.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.add(3)).toBe(3);
  });

  it.each([
    [true, [1, 2]],
    [false, [2, 1]],
  ])('serial %s: a slow first batch finishes %j', async (serial, order) => {
    const finished: number[] = [];
    const batcher = createMicroBatcher(
      async (items: number[]) => {
        await new Promise((resolve) => setTimeout(resolve, items[0] === 1 ? 30 : 0));
        finished.push(...items);
        return items;
      },
      { serial },
    );
    const first = batcher.add(1);
    void batcher.flush();
    const second = batcher.add(2);
    void batcher.flush();
    await Promise.all([first, second]);
    expect(finished).toEqual(order);
  });

  it('flush runs what waits and resolves when it is done', async () => {
    const runs: number[][] = [];
    const batcher = createMicroBatcher(async (items: number[]) => (runs.push(items), items), { waitMs: 10_000 });
    const pending = batcher.add(7);
    await batcher.flush();
    expect(runs).toEqual([[7]]);
    expect(await pending).toBe(7);
  });

  it('serial: what arrives while a batch runs leaves as one next batch (a group commit), in order, up to maxBatch', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const firstRunning = new Promise<void>((resolve) => (release = resolve));
    const batcher = createMicroBatcher(
      async (items: number[]) => {
        runs.push(items);
        if (runs.length === 1) await firstRunning;
        return items;
      },
      { serial: true, maxBatch: 3 },
    );
    const answers = [batcher.add(0)];
    // One at a time, each in its own turn of the event loop, while the first batch is still running.
    for (let i = 1; i <= 4; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      answers.push(batcher.add(i));
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs).toEqual([[0]]);
    release();
    expect(await Promise.all(answers)).toEqual([0, 1, 2, 3, 4]);
    expect(runs).toEqual([[0], [1, 2, 3], [4]]);
  });

  it('serial: flush waits for what was added before it, not for a stream that keeps coming', async () => {
    const batcher = createMicroBatcher(
      async (items: number[]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items;
      },
      { serial: true },
    );
    const first = batcher.add(1);
    let streaming = true;
    const stream = (async () => {
      for (let i = 0; streaming && i < 1_000; i++) {
        void batcher.add(i);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const flushed = await Promise.race([
      batcher.flush().then(() => 'flushed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
    ]);
    streaming = false;
    await stream;
    expect(flushed).toBe('flushed');
    expect(await first).toBe(1);
  });

  it('serial: a flush with nothing waiting leaves the batcher working for what comes next', async () => {
    const batcher = createMicroBatcher(async (items: number[]) => items, { serial: true, waitMs: 1 });
    await batcher.flush();
    expect(await batcher.add(1)).toBe(1);
    await batcher.flush();
    expect(await Promise.all([batcher.add(2), batcher.add(3)])).toEqual([2, 3]);
  });
});
