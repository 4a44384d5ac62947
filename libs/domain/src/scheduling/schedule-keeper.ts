import type { DomainContext } from '../runtime/domain-context';
import { schedulesPresent, type RebuildReport } from './rebuild-schedules';

/**
 * Watches the queue's datastore and rebuilds every schedule from PostgreSQL, without a restart, when it
 * comes back after being unreachable (it may have come back empty) or when the schedules are found
 * missing while it stayed up (a FLUSHALL). The watchdog catches single monitors; this catches the fleet.
 */
export function keepSchedules(
  ctx: DomainContext,
  options: { rebuild: () => Promise<RebuildReport>; pollMs?: number },
): {
  stop(): Promise<void>;
} {
  const pollMs = options.pollMs ?? 2_000;
  let lostSince: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const check = async () => {
    try {
      await ctx.queues.ping();
    } catch (error) {
      if (lostSince === null) {
        lostSince = Date.now();
        ctx.logger.warn('job queue unreachable; schedules will be rebuilt when it is back', { error });
      }
      return;
    }
    const reason =
      lostSince !== null ? 'the job queue is reachable again' : (await schedulesPresent(ctx.queues)) ? null : 'the schedules were missing';
    if (!reason) return;
    const started = Date.now();
    const report = await options.rebuild();
    ctx.logger.warn('schedules rebuilt from PostgreSQL', {
      reason,
      ...report,
      outageMs: lostSince === null ? undefined : started - lostSince,
      tookMs: Date.now() - started,
    });
    lostSince = null;
  };
  const tick = () => {
    running = check()
      .catch((error: unknown) => {
        // A rebuild that failed half-way leaves the sentinel missing, so the next tick tries again.
        lostSince ??= Date.now();
        ctx.logger.warn('schedule rebuild failed; trying again', { error });
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  timer = setTimeout(tick, pollMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
