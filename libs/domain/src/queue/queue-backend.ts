import { Queue, Worker, createPostgresBackend, runMigrations, type Processor, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { withTimeout } from '../core/with-timeout';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * The one place that knows which datastore BullMQ runs on. Redis when REDIS_URL is set (the path to scale:
 * many workers share one Redis); otherwise BullMQ's own PostgreSQL backend on our database, so a fresh
 * install needs nothing but PostgreSQL.
 */
export interface QueueBackend {
  readonly kind: QueueBackendKind;
  queue(name: string): Queue;
  worker(name: string, processor: Processor, options?: Partial<WorkerOptions>): Worker;
  /** Throws when the datastore does not answer within 2 s. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface QueueBackendOptions {
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
  /** Connection trouble of queues and workers; they reconnect on their own, we only report it. */
  onError: (error: Error) => void;
}

export async function openQueueBackend(options: QueueBackendOptions): Promise<QueueBackend> {
  return options.redisUrl ? openRedisBackend(options.redisUrl, options) : openPostgresBackend(options);
}

function openRedisBackend(url: string, options: QueueBackendOptions): QueueBackend {
  const prefix = options.prefix;
  // Workers need maxRetriesPerRequest: null so their blocking commands survive a Redis restart.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // Producers (checkNow, schedule changes, the watchdog's repairs) fail at once while Redis is away
  // instead of waiting in ioredis' offline queue: a request answers with an error, and a command meant
  // for the old Redis never lands on the new one late (BullMQ's "failing fast" pattern).
  const producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  // Both reconnect on their own; health and the schedule keeper report the outage.
  connection.on('error', () => undefined);
  producer.on('error', () => undefined);
  const queues = new Map<string, Queue>();
  const workers = new Set<Worker>();
  return {
    kind: 'redis',
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection: producer, prefix });
        queue.on('error', options.onError);
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(name, processor, { ...workerOptions, connection, prefix });
      worker.on('error', options.onError);
      track(workers, worker);
      return worker;
    },
    async ping() {
      // Without an offline queue a command fails while the client is still connecting: wait for it (bounded).
      const ready =
        producer.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => producer.once('ready', () => resolve()));
      await withTimeout(
        ready.then(() => producer.ping()),
        2_000,
        'redis ping',
      );
    },
    async close() {
      await closeAll(workers);
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      connection.disconnect();
      producer.disconnect();
    },
  };
}

async function openPostgresBackend(options: QueueBackendOptions): Promise<QueueBackend> {
  const migrator = new pg.Client({ connectionString: options.databaseUrl });
  await migrator.connect();
  try {
    await runMigrations(migrator);
  } finally {
    await migrator.end();
  }
  // Each queue and worker gets a small pool BullMQ owns and closes itself. (A pg.Pool shared by all of
  // them leaked the LISTEN client of a worker closed right after starting, and pool.end() then hung.)
  const connection = { connectionString: options.databaseUrl, schema: 'bullmq', max: 4 };
  const pingPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  pingPool.on('error', () => undefined); // a dropped idle client is replaced on next use
  const queues = new Map<string, Queue>();
  const workers = new Set<Worker>();
  const prefix = options.prefix;
  return {
    kind: 'postgres',
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        // Same Queue API as on Redis; the cast only erases the backend type parameter we never use.
        queue = new Queue(name, { connection, prefix }, createPostgresBackend) as unknown as Queue;
        queue.on('error', options.onError);
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(name, processor, { ...workerOptions, connection, prefix }, createPostgresBackend) as unknown as Worker;
      worker.on('error', options.onError);
      track(workers, worker);
      return worker;
    },
    async ping() {
      await withTimeout(pingPool.query('select 1'), 2_000, 'postgres queue ping');
    },
    async close() {
      await closeAll(workers);
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      await pingPool.end();
    },
  };
}

/** Forget a worker once closed, so shutdown closes each worker once. */
function track(workers: Set<Worker>, worker: Worker): void {
  workers.add(worker);
  worker.on('closed', () => workers.delete(worker));
}

async function closeAll(workers: Set<Worker>): Promise<void> {
  for (const worker of [...workers]) await worker.close();
}
