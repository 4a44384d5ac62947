import { notifyIncidentChange } from '../../alerting/policy/notify-incident-change';
import type { HeartbeatTimesUpdate } from '../../db/queries/heartbeat-queries';
import type { RecordedCheck } from '../../evaluation/record-check';
import type { DomainContext } from '../../runtime/domain-context';
import { publishRecorded } from '../publish-recorded';

export type Announce = (recorded: (RecordedCheck | null)[], moved: HeartbeatTimesUpdate[]) => void;

/**
 * Announcing (live events, incident notices) follows each commit in order, but nothing waits for it: a ping's
 * answer needs only its commit, and the next batch or sweep must not queue behind the last one's publishes.
 */
export function createAnnouncer(ctx: DomainContext): { later: Announce; settled(): Promise<void> } {
  let announced: Promise<void> = Promise.resolve();
  return {
    later(recorded, moved) {
      announced = announced
        .then(() => announceAll(ctx, recorded, moved))
        .catch((error: unknown) => {
          ctx.logger.warn('could not announce heartbeat verdicts', { error });
        });
    },
    settled: () => announced,
  };
}

/**
 * After the commit: the dashboards hear of each verdict (its result and the monitor's new state), an incident
 * opened or resolved is announced, and every heartbeat whose times moved (a ping, a passed deadline) gets a small
 * `heartbeat.ping` event: its countdown moves and its ping log grows, without the whole monitor resent.
 */
export async function announceAll(
  ctx: DomainContext,
  recorded: (RecordedCheck | null)[],
  moved: HeartbeatTimesUpdate[] = [],
): Promise<void> {
  const checks = recorded.filter((check): check is RecordedCheck => check !== null);
  // All at once: the event bus packs events published together into a few messages.
  await Promise.all([
    ...checks.map((check) => publishRecorded(ctx, check)),
    ...moved.map(({ id, lastPingAt, expectedAt, deadlineAt, runStartedAt }) =>
      ctx.events
        .publish({ type: 'heartbeat.ping', monitorId: id, lastPingAt, expectedAt, deadlineAt, runStartedAt })
        .catch((error: unknown) => {
          ctx.logger.warn('could not publish live event', { monitorId: id, error });
        }),
    ),
  ]);
  // Each never throws (a notice it cannot queue is queued by the notify sweep); monitors are independent.
  await Promise.all(checks.filter((check) => check.incident).map((check) => notifyIncidentChange(ctx, check)));
}
