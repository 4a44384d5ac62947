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
  /**
   * Work to finish when the runtime closes, after its queue workers have closed (no job starts or runs) and
   * before the event bus and the database go: loops to stop, a batch of results to store and announce.
   */
  onClose(finish: () => Promise<void>): void;
  /** Closes the queue workers (they finish what is in flight), runs the onClose work, then the events and database. */
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
    const finishing: (() => Promise<void>)[] = [];
    return {
      database,
      queues,
      events,
      settings: domainSettingsOf(config),
      onClose: (finish) => void finishing.push(finish),
      async close() {
        await queues.close();
        // Each on its own: one that fails must not keep the others, or the connections, from closing.
        await Promise.allSettled(finishing.map((finish) => finish()));
        await events.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
