import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, openRuntime, type Runtime } from '@mini-netumo/domain';
import {
  createTestDatabase,
  listenOnLoopback,
  testAppConfig,
  waitFor,
  type LoopbackServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { startSelfHeartbeat } from './self-heartbeat';

const logger = createLogger('test');

/** SELF_HEARTBEAT_URL against a receiver on 127.0.0.1: pings while healthy, silence once the database is gone. */
describe('self-heartbeat', () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let receiver: LoopbackServer;
  let url: string;
  let pings = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), logger);
    receiver = await listenOnLoopback(
      createServer((req, res) => {
        if (req.url === '/ping/self-key') pings++;
        res.end('OK');
      }),
    );
    url = `${receiver.base}/ping/self-key`;
  });

  afterAll(async () => {
    await receiver?.close();
    await testDb?.drop();
  });

  it('pings while monitoring is healthy and falls silent when it is not', async () => {
    const stop = startSelfHeartbeat({ runtime, logger, url, everyMs: 100 });
    try {
      await waitFor('three pings', () => pings >= 3);
      await runtime.close();
      // A beat already past its health check may still land; after that, nothing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const afterOutage = pings;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(pings).toBe(afterOutage);
    } finally {
      stop();
    }
  });
});
