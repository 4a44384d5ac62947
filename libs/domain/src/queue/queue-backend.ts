import { Queue, Worker, createPostgresBackend, runMigrations, type Processor, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

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
  /** Throws when the datastore does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface QueueBackendOptions {
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
}

export async function openQueueBackend(options: QueueBackendOptions): Promise<QueueBackend> {
  return options.redisUrl ? openRedisBackend(options.redisUrl, options.prefix) : openPostgresBackend(options);
}

function openRedisBackend(url: string, prefix: string): QueueBackend {
  // BullMQ requires maxRetriesPerRequest: null so blocking commands survive a Redis restart.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on('error', () => undefined); // reconnects on its own; health reports the outage
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  return {
    kind: 'redis',
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection, prefix });
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(name, processor, { ...workerOptions, connection, prefix });
      workers.push(worker);
      return worker;
    },
    async ping() {
      await withTimeout(connection.ping(), 2_000, 'redis ping');
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}

async function openPostgresBackend(options: QueueBackendOptions): Promise<QueueBackend> {
  // One pool for all queues; BullMQ's tables live in the `bullmq` schema, which must be on the search_path.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    options: '-c search_path=bullmq',
  });
  pool.on('error', () => undefined); // a dropped idle client is replaced on next use
  const client = await pool.connect();
  try {
    await runMigrations(client);
  } finally {
    client.release();
  }
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  const prefix = options.prefix;
  return {
    kind: 'postgres',
    queue(name) {
      let queue = queues.get(name);
      if (!queue) {
        // Same Queue API as on Redis; the cast only erases the backend type parameter we never use.
        queue = new Queue(name, { connection: pool, prefix }, createPostgresBackend) as unknown as Queue;
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(
        name,
        processor,
        { ...workerOptions, connection: pool, prefix },
        createPostgresBackend,
      ) as unknown as Worker;
      workers.push(worker);
      return worker;
    },
    async ping() {
      await withTimeout(pool.query('select 1'), 2_000, 'postgres queue ping');
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      await pool.end();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
