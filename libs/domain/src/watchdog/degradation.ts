import { formatDuration } from '@mini-netumo/contracts';
import { sendSystemNotice } from '../alerting/policy/system-notice';
import { endDegraded, startDegraded } from '../db/queries/watchdog-queries';
import type { DomainContext } from '../runtime/domain-context';

/**
 * Monitoring is degraded while more monitors are overdue than the threshold. The change is recorded in
 * one conditional update, so however many workers sweep, each degradation gets one notice and one
 * "recovered" notice.
 */
export async function updateDegradation(
  ctx: Pick<DomainContext, 'db' | 'sql' | 'events' | 'logger' | 'settings'>,
  state: { overdue: number; threshold: number; now: Date },
): Promise<void> {
  if (state.overdue > state.threshold) {
    if (!(await startDegraded(ctx.sql, state.now))) return;
    await sendSystemNotice(ctx, {
      type: 'monitoring.degraded',
      title: `Monitoring is degraded: ${state.overdue} monitor${state.overdue === 1 ? ' is' : 's are'} overdue`,
      body: `${state.overdue} active monitor${state.overdue === 1 ? ' has' : 's have'} had no result past their interval: the workers are behind their schedule, or none is running. Their last verdicts are not current until this recovers.`,
      at: state.now,
      key: `degraded:${state.now.toISOString()}`,
    });
    return;
  }
  const since = await endDegraded(ctx.sql);
  if (!since) return;
  await sendSystemNotice(ctx, {
    type: 'monitoring.recovered',
    title: 'Monitoring recovered',
    body: `Every active monitor is being checked on time again, after ${formatDuration(state.now.getTime() - since.getTime())} degraded.`,
    at: state.now,
    key: `recovered:${since.toISOString()}`,
  });
}
