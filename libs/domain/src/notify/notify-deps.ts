import type { Queue } from 'bullmq';
import type { NotifySettings } from '../config';
import type { Db } from '../db/client';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { QUEUE_NAMES } from '../queue/queue-names';
import type { Runtime } from '../runtime';

/** What announcing and delivering alerts needs; the api and the worker build it from their runtime. */
export interface NotifyDeps {
  db: Db;
  events: EventBus;
  logger: Logger;
  notifyQueue: Queue;
  settings: NotifySettings;
}

/** The notify handles of a process, taken from its runtime. */
export function notifyDepsFor(runtime: Runtime, logger: Logger): NotifyDeps {
  return {
    db: runtime.database.db,
    events: runtime.events,
    logger,
    notifyQueue: runtime.queues.queue(QUEUE_NAMES.notify),
    settings: runtime.notify,
  };
}
