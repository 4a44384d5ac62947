import { isActiveKind } from '@mini-netumo/contracts';
import type { DomainContext } from '../runtime/domain-context';
import { applySchedule } from '../queue/monitor-schedulers';
import type { QueueName } from '../queue/queue-names';
import { eachConcurrently } from '../core/each-concurrently';
import { SCHEDULE_LANES, type ScheduledMonitor } from './schedule-lanes';
import { withTimeout } from '../core/with-timeout';

/** Brings monitors' schedules on every lane in line with their rows. */
export interface ScheduleSync {
  /**
   * `present`, when given, holds each lane's schedulers as listed before the sync: a monitor with none there and
   * none wanted costs no call (a rebuild of 100,000 monitors without certificates would otherwise make 200,000).
   */
  sync(
    monitorIds: readonly string[],
    present?: ReadonlyMap<QueueName, ReadonlySet<string>>,
  ): Promise<{ scheduled: number; removed: number }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Queue calls a sync makes at once; a call that hangs is cut off so row locks are never held for long. */
const CONCURRENCY = 32;
const CALL_TIMEOUT_MS = 5_000;

/**
 * Reads the rows FOR SHARE and sets each lane's scheduler from them (a missing row removes them all).
 * An edit that pauses, resumes or deletes a monitor holds its row FOR UPDATE while it changes the
 * schedule, so one waits for the other: a decision is never made from a row that is changing. (The old
 * start-up reconcile decided from a list read earlier and removed schedulers of monitors created meanwhile.)
 */
export function createScheduleSync(ctx: DomainContext): ScheduleSync {
  return {
    async sync(monitorIds, present) {
      const ids = [...new Set(monitorIds)];
      const counts = { scheduled: 0, removed: 0 };
      if (ids.length === 0) return counts;
      const wellFormed = ids.filter((id) => UUID.test(id));
      await ctx.sql.begin(async (tx) => {
        const rows = await tx<ScheduledMonitor[]>`
          select id, kind, url, settings, paused from monitors
          where id = any(${tx.array(wellFormed)}::uuid[]) for share`;
        const byId = new Map(rows.map((row) => [row.id, row]));
        await eachConcurrently(ids, CONCURRENCY, async (id) => {
          const row = byId.get(id);
          // A heartbeat never has a scheduler on any lane (its kind never changes): nothing to set or remove.
          if (row && !isActiveKind(row.kind)) return;
          for (const lane of SCHEDULE_LANES) {
            const every = row ? lane.everySeconds(row) : null;
            if (every === null && present && !present.get(lane.queue)?.has(id)) continue;
            const done = await withTimeout(
              applySchedule(ctx.queues.queue(lane.queue), id, every),
              CALL_TIMEOUT_MS,
              `schedule sync on ${lane.queue}`,
            );
            if (done === 'scheduled') counts.scheduled++;
            if (done === 'removed') counts.removed++;
          }
        });
      });
      return counts;
    },
  };
}
