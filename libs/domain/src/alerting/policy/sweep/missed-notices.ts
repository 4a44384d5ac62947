import { unannouncedOpenings, unannouncedResolves } from '../../../db/queries/sweep-queries';
import type { DomainContext } from '../../../runtime/domain-context';
import { announce } from '../announce';

/** The check's own hook gets this long before the sweep steps in, so the two do not race for nothing. */
const GRACE_MS = 30_000;
const DAY_MS = 86_400_000;

/**
 * Announces incidents whose opening or resolve never reached the timeline: the hook after the check failed
 * (queue down), or the incident came from a lane that does not call it. Recording is idempotent, so a race
 * with the hook sends nothing twice.
 */
export async function announceMissedNotices(ctx: DomainContext, now: Date): Promise<number> {
  const before = new Date(now.getTime() - GRACE_MS);
  let count = 0;
  for (const incident of await unannouncedOpenings(ctx.db, before)) {
    count += (await announce(ctx, { incident, type: 'opened', at: incident.openedAt })).length;
  }
  for (const incident of await unannouncedResolves(ctx.db, { from: new Date(now.getTime() - DAY_MS), to: before })) {
    count += (await announce(ctx, { incident, type: 'resolved', at: incident.resolvedAt ?? now })).length;
  }
  return count;
}
