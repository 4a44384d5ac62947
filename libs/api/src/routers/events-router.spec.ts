import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '@mini-netumo/contracts';
import type { EventBus } from '@mini-netumo/domain';
import type { Context } from '../context';
import { createCallerFactory } from '../trpc';
import { eventsRouter } from './events-router';

const event = (n: number) => ({ type: 'test', n }) as unknown as LiveEvent;

/** A bus that says who listens; `early` events reach a listener before its subscription is acknowledged. */
function fakeBus(early: LiveEvent[] = []) {
  const listeners = new Set<(event: LiveEvent) => void>();
  const bus: EventBus = {
    publish: async (each) => listeners.forEach((listener) => listener(each)),
    subscribe: async (listener) => {
      listeners.add(listener);
      early.forEach(listener);
      return async () => void listeners.delete(listener);
    },
    close: async () => undefined,
  };
  return { bus, listeners, publish: (...events: LiveEvent[]) => events.forEach((each) => void bus.publish(each)) };
}

async function subscribe(bus: EventBus, signal?: AbortSignal) {
  const caller = createCallerFactory(eventsRouter)({ events: bus } as unknown as Context, { signal });
  return (await caller.live()) as AsyncGenerator<LiveEvent>;
}

/** Reads `count` events, or until the stream ends. */
async function take(stream: AsyncGenerator<LiveEvent>, count: number): Promise<unknown[]> {
  const read: unknown[] = [];
  while (read.length < count) {
    const next = await stream.next();
    if (next.done) break;
    read.push((next.value as unknown as { n: number }).n);
  }
  return read;
}

describe('events.live', () => {
  it('yields every event in the order it was published, those before the subscription was acknowledged too', async () => {
    const { bus, publish } = fakeBus([event(1)]);
    const stream = await subscribe(bus);
    expect(await take(stream, 1)).toEqual([1]);
    publish(event(2), event(3));
    const waiting = take(stream, 3);
    publish(event(4));
    expect(await waiting).toEqual([2, 3, 4]);
    await stream.return(undefined);
  });

  it('unsubscribes when the client goes away while waiting for an event', async () => {
    const { bus, listeners } = fakeBus();
    const controller = new AbortController();
    const stream = await subscribe(bus, controller.signal);
    const waiting = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(listeners.size).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(listeners.size).toBe(0);
  });

  it('unsubscribes when the stream is closed between events', async () => {
    const { bus, listeners, publish } = fakeBus();
    const stream = await subscribe(bus);
    const first = take(stream, 1);
    await new Promise((resolve) => setImmediate(resolve));
    publish(event(1), event(2));
    expect(await first).toEqual([1]);
    await stream.return(undefined);
    expect(listeners.size).toBe(0);
  });

  it('ends the stream of a client 1,000 events behind, after what it holds, so that it subscribes again and reloads', async () => {
    const { bus, listeners, publish } = fakeBus();
    const stream = await subscribe(bus);
    const first = take(stream, 1);
    await new Promise((resolve) => setImmediate(resolve));
    publish(...Array.from({ length: 1_500 }, (_, n) => event(n)));
    expect(await first).toEqual([0]);
    // on() pauses (and so ends the stream) once more than 1,000 wait; those still come, in order.
    expect(await take(stream, 2_000)).toEqual(Array.from({ length: 1_001 }, (_, n) => n + 1));
    expect(listeners.size).toBe(0);
  });
});
