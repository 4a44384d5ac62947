import { withTimeout } from '../core/with-timeout';
import { pendingMigrations } from '../db/migrate';
import type { Runtime } from './runtime';

export interface Readiness {
  ready: boolean;
  database: boolean;
  queue: boolean;
  migrations: boolean;
}

/**
 * `/health/ready` of the api and the worker: the database and the queue answer within 2 s and every migration this
 * version ships is applied. Booleans only: an orchestrator needs no error text, and the world none at all.
 */
export async function checkReadiness(runtime: Pick<Runtime, 'database' | 'queues'>): Promise<Readiness> {
  const [database, queue, pending] = await Promise.allSettled([
    withTimeout(runtime.database.sql`select 1`, 2_000, 'database ping'),
    runtime.queues.ping(),
    withTimeout(pendingMigrations(runtime.database), 2_000, 'migrations'),
  ]);
  const readiness = {
    database: database.status === 'fulfilled',
    queue: queue.status === 'fulfilled',
    migrations: pending.status === 'fulfilled' && pending.value === 0,
  };
  return { ready: readiness.database && readiness.queue && readiness.migrations, ...readiness };
}
