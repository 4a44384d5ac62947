import { openDatabase, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import type { EventBus } from '../events/event-bus';
import { createPostgresEventBus } from '../events/postgres-event-bus';
import { createRedisEventBus } from '../events/redis-event-bus';
import type { Logger } from '../logging/logger';
import { rateLimitedWarning } from '../logging/rate-limited-warning';
import { openQueueBackend, type QueueBackend } from '../queue/queue-backend';
import { domainSettingsOf, type AppConfig, type DomainSettings } from '../core/config';

/** What every server process needs: the database, the queues and the event bus, opened in the right order. */
export interface Runtime {
  database: Database;
  queues: QueueBackend;
  events: EventBus;
  /** What the domain verbs read (alert delivery, the watchdog, expiry lookups, retention); see domainContext. */
  settings: DomainSettings;
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
      settings: domainSettingsOf(config),
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
