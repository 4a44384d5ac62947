import type { Health } from '@mini-netumo/contracts';
import type { Database } from '../db/client';
import type { QueueBackend } from '../queue/queue-backend';

/** Asks each dependency with a short timeout; reports which one is down, never its connection string. */
export async function checkHealth(database: Database, queues: QueueBackend): Promise<Health> {
  const [db, queue] = await Promise.allSettled([
    Promise.race([
      database.sql`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out after 2000 ms')), 2_000).unref()),
    ]),
    queues.ping(),
  ]);
  const database_ = db.status === 'fulfilled' ? { ok: true } : { ok: false, error: reason(db.reason) };
  const queue_ = queue.status === 'fulfilled' ? { ok: true } : { ok: false, error: reason(queue.reason) };
  return {
    ok: database_.ok && queue_.ok,
    database: database_,
    queue: { ...queue_, backend: queues.kind },
  };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
