import type { AppConfig, NotifySettings, WatchdogSettings } from './config';
import { openDatabase, type Database } from './db/client';
import { applyMigrations } from './db/migrate';
import type { Logger } from './logging/logger';
import { rateLimitedWarning } from './logging/rate-limited-warning';
import type { EventBus } from './events/event-bus';
import { createPostgresEventBus } from './events/postgres-event-bus';
import { createRedisEventBus } from './events/redis-event-bus';
import { openQueueBackend, type QueueBackend } from './queue/queue-backend';

/** What every server process needs: the database, the queues and the event bus, opened in the right order. */
export interface Runtime {
  database: Database;
  queues: QueueBackend;
  events: EventBus;
  /** How alerts are delivered: the api enqueues and test-sends with them, the worker delivers. */
  notify: NotifySettings;
  /** The schedule watchdog's period and degradation threshold: the worker sweeps, /health reports. */
  watchdog: WatchdogSettings;
  close(): Promise<void>;
}

export async function openRuntime(config: AppConfig, logger: Logger): Promise<Runtime> {
  const database = openDatabase(config.databaseUrl);
  // During an outage every queue client reports each reconnect attempt: hundreds a second.
  const connectionTrouble = rateLimitedWarning(logger, 'queue connection trouble');
  try {
    await applyMigrations(database);
    const queues = await openQueueBackend({
      redisUrl: config.redisUrl,
      databaseUrl: config.databaseUrl,
      prefix: config.queuePrefix,
      onError: (error) => connectionTrouble({ error }),
    });
    const events = config.redisUrl
      ? createRedisEventBus(config.redisUrl, config.queuePrefix)
      : createPostgresEventBus(database.sql, config.queuePrefix);
    return {
      database,
      queues,
      events,
      notify: config.notify,
      watchdog: config.watchdog,
      async close() {
        await events.close();
        await queues.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
