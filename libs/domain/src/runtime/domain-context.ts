import type postgres from 'postgres';
import type { Db } from '../db/client';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { QueueBackend } from '../queue/queue-backend';
import type { DomainSettings } from '../core/config';
import type { Runtime } from './runtime';

/**
 * What every domain verb takes first: the handles of the process, built once per request (the tRPC context)
 * or per job (the worker's processors) from its runtime. Narrow helpers inside the domain may take a part.
 */
export interface DomainContext {
  db: Db;
  /** The raw postgres.js client of the same pool: the check path's batch statements and health pings use it. */
  sql: postgres.Sql;
  queues: QueueBackend;
  events: EventBus;
  logger: Logger;
  settings: DomainSettings;
}

/** The context of one request or job; `logger` names the component that logs. */
export function domainContext(runtime: Runtime, logger: Logger): DomainContext {
  return {
    db: runtime.database.db,
    sql: runtime.database.sql,
    queues: runtime.queues,
    events: runtime.events,
    logger,
    settings: runtime.settings,
  };
}
