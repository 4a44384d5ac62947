import type postgres from 'postgres';

/**
 * BullMQ's PostgreSQL backend keeps its state in the `bullmq` schema, one `queue` column (the queue name, no
 * prefix) per row. These are the tables FLUSHALL would empty on Redis: jobs (their logs and dependencies go
 * with them), schedulers, dedup keys, queue metadata, metrics and the event stream.
 */
const QUEUE_STATE_TABLES = ['job', 'scheduler', 'dedup', 'dedup_next', 'meta', 'rate_limit', 'metrics', 'event'];

/** The PostgreSQL backend's moral equivalent of FLUSHALL: every queue row gone, in one transaction. */
export async function flushQueueTables(sql: postgres.Sql): Promise<void> {
  await sql.begin(async (tx) => {
    for (const table of QUEUE_STATE_TABLES) await tx.unsafe(`delete from bullmq.${table}`);
  });
}

/** Every BullMQ job scheduler id, per queue name. */
export async function postgresSchedulers(sql: postgres.Sql): Promise<Map<string, string[]>> {
  const rows = await sql<{ queue: string; id: string }[]>`select queue, scheduler_id as id from bullmq.scheduler`;
  const byQueue = new Map<string, string[]>();
  for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row.id]);
  return byQueue;
}
