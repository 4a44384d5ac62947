import type { Database } from '../db/client';
import { createLogger } from '../logging/logger';
import type { QueueBackend } from '../queue/queue-backend';
import { domainSettingsOf } from '../core/config';
import type { DomainContext } from '../runtime/domain-context';
import { createRecordingEventBus } from './recording-event-bus';
import { testAppConfig } from './test-config';

const noQueue = (): never => {
  throw new Error('this test has no job queue: build its context from a runtime (openRuntime) instead');
};

/** A queue backend for tests that run no jobs: any use of it fails, naming the fix. */
const NO_QUEUES: QueueBackend = {
  kind: 'postgres',
  queue: noQueue,
  worker: noQueue,
  ping: async () => noQueue(),
  close: async () => undefined,
};

/**
 * A DomainContext over one test database, for verbs that need no job queue: live events go to a recording
 * bus, settings are the test configuration's. Override any part (a runtime's queues, a clock-driven bus).
 */
export function testDomainContext(database: Database, overrides: Partial<DomainContext> = {}): DomainContext {
  return {
    db: database.db,
    sql: database.sql,
    queues: NO_QUEUES,
    events: createRecordingEventBus(),
    logger: createLogger('test'),
    settings: domainSettingsOf(testAppConfig('', 'postgres')),
    ...overrides,
  };
}
