import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '@mini-netumo/contracts';
import { openDatabase, type Database } from '../db/client';
import { TEST_REDIS_URL, createTestDatabase, uniquePrefix, waitFor, type TestDatabase } from '../testing';
import type { EventBus } from './event-bus';
import { CHECK_RESULT_EVENT } from './live-event-fixtures';
import { createPostgresEventBus } from './postgres-event-bus';
import { createRedisEventBus } from './redis-event-bus';

const event = CHECK_RESULT_EVENT;

describe.each(['redis', 'postgres'] as const)('%s event bus', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let subscriberDatabase: Database;
  let publisher: EventBus;
  let subscriber: EventBus;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    subscriberDatabase = openDatabase(testDb.url);
    const prefix = uniquePrefix('bus');
    // Two buses, as in two processes: the worker publishes, the api subscribes.
    publisher = kind === 'redis' ? createRedisEventBus(TEST_REDIS_URL, prefix) : createPostgresEventBus(database.sql, prefix);
    subscriber = kind === 'redis' ? createRedisEventBus(TEST_REDIS_URL, prefix) : createPostgresEventBus(subscriberDatabase.sql, prefix);
  });

  afterAll(async () => {
    await subscriber.close();
    await publisher.close();
    await database.close();
    await subscriberDatabase.close();
    await testDb.drop();
  });

  it('delivers a published event to a subscriber with its dates intact', async () => {
    const received: LiveEvent[] = [];
    const stop = await subscriber.subscribe((each) => received.push(each));
    await publisher.publish(event);
    await waitFor('the event', () => received.length > 0 && received);
    expect(received).toEqual([event]);
    expect(received[0]?.type === 'check.result' && received[0].result.checkedAt).toBeInstanceOf(Date);
    await stop();
  });

  it('delivers a burst published together one by one and in order, past the NOTIFY size limit', async () => {
    const received: LiveEvent[] = [];
    const stop = await subscriber.subscribe((each) => received.push(each));
    // ~400 bytes each: 60 of them would not fit in one NOTIFY payload, so the bus must split the burst.
    const burst = Array.from({ length: 60 }, (_, i): LiveEvent => ({ type: 'check.result', result: { ...event.result, id: i } }));
    await Promise.all(burst.map((each) => publisher.publish(each)));
    await waitFor('the whole burst', () => received.length >= burst.length);
    expect(received).toEqual(burst);
    await stop();
  });

  it('stops delivering after unsubscribe', async () => {
    const received: LiveEvent[] = [];
    const stop = await subscriber.subscribe((each) => received.push(each));
    await stop();
    const witness: LiveEvent[] = [];
    const stopWitness = await subscriber.subscribe((each) => witness.push(each));
    await publisher.publish(event);
    await waitFor('the witness to get the event', () => witness.length > 0);
    expect(received).toEqual([]);
    await stopWitness();
  });
});
