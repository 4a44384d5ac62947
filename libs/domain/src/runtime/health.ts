import { formatDuration, type Health, type MonitoringHealth } from '@mini-netumo/contracts';
import { countOverdue, readWatchdog } from '../db/queries/watchdog-queries';
import { withTimeout } from '../core/with-timeout';
import type { DomainContext } from './domain-context';

/** Sweeps missed in a row before "no worker is watching" is said (a sweep can be late under load). */
const MISSED_SWEEPS = 6;

/**
 * Asks each dependency with a short timeout and counts overdue monitors; reports which part is in trouble,
 * never a connection string. Not ok when a dependency is down or more monitors are overdue than allowed:
 * the ones that stopped being checked must not hide behind their last green.
 */
export async function checkHealth(ctx: DomainContext, now = new Date()): Promise<Health> {
  const [db, queue, monitoring] = await Promise.allSettled([
    withTimeout(ctx.sql`select 1`, 2_000, 'database ping'),
    ctx.queues.ping(),
    withTimeout(monitoringHealth(ctx, now), 2_000, 'counting overdue monitors'),
  ]);
  const database_ = db.status === 'fulfilled' ? { ok: true } : { ok: false, error: reason(db.reason) };
  const queue_ = queue.status === 'fulfilled' ? { ok: true } : { ok: false, error: reason(queue.reason) };
  const monitoring_: MonitoringHealth =
    monitoring.status === 'fulfilled'
      ? monitoring.value
      : {
          ok: false,
          overdue: 0,
          threshold: ctx.settings.watchdog.overdueThreshold,
          watchdogSeenAt: null,
          repairs: 0,
          problem: 'overdue monitors could not be counted: the database is unreachable',
        };
  return {
    ok: database_.ok && queue_.ok && monitoring_.ok,
    database: database_,
    queue: { ...queue_, backend: ctx.queues.kind },
    monitoring: monitoring_,
  };
}

async function monitoringHealth(ctx: Pick<DomainContext, 'sql' | 'settings'>, now: Date): Promise<MonitoringHealth> {
  const [overdue, watchdog] = await Promise.all([countOverdue(ctx.sql, now), readWatchdog(ctx.sql)]);
  const threshold = ctx.settings.watchdog.overdueThreshold;
  const ok = overdue <= threshold;
  const unwatchedFor = watchdog.sweptAt ? now.getTime() - watchdog.sweptAt.getTime() : null;
  const unwatched = unwatchedFor !== null && unwatchedFor > MISSED_SWEEPS * ctx.settings.watchdog.sweepEveryMs;
  const problems = [
    // The count is beside it in the answer; this says what it is measured against.
    ...(ok ? [] : [`above HEALTH_OVERDUE_THRESHOLD (${threshold})`]),
    ...(unwatched || (!ok && watchdog.sweptAt === null)
      ? [
          `no worker has swept for overdue monitors ${unwatchedFor === null ? 'yet' : `for ${formatDuration(unwatchedFor)}`}: is a worker running?`,
        ]
      : []),
  ];
  return {
    ok,
    overdue,
    threshold,
    watchdogSeenAt: watchdog.sweptAt,
    repairs: watchdog.repairs,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
