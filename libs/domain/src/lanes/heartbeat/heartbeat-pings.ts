import type { HeartbeatPing } from '@mini-netumo/contracts';
import { listPings } from '../../db/queries/heartbeat-queries';
import { requireMonitor } from '../../monitor-model/require-monitor';
import type { DomainContext } from '../../runtime/domain-context';
import { NotFoundError } from '../../core/errors';

/** A heartbeat's ping log, newest first, a page at a time (`before`: the last id of the previous page). */
export async function heartbeatPings(
  ctx: DomainContext,
  input: { monitorId: string; limit: number; before?: number },
): Promise<{ pings: HeartbeatPing[]; nextBefore: number | null }> {
  const monitor = await requireMonitor(ctx.db, input.monitorId);
  if (monitor.kind !== 'heartbeat') throw new NotFoundError('heartbeat', input.monitorId);
  const pings = await listPings(ctx.sql, input.monitorId, input.limit, input.before);
  return { pings, nextBefore: pings.length === input.limit ? (pings.at(-1)?.id ?? null) : null };
}
