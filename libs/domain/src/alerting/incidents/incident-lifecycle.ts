import { eq } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import { incidents } from '../../db/schema';
import type { DomainContext } from '../../runtime/domain-context';
import { ConflictError, NotFoundError } from '../../core/errors';
import { dispatchDeliveries } from '../delivery/dispatch-deliveries';
import { announce, recordAnnouncement } from '../policy/announce';
import { toIncident } from './incident-row';

/** Without authentication there is no caller to name yet; the event still says a person did it. */
export const SOMEONE = 'a user';

/**
 * Someone is on it: reminders stop, and the channels told about the incident hear who took it (with the
 * note, if any). Acknowledging twice is harmless and tells nobody twice; a resolved incident cannot be
 * acknowledged (CONFLICT).
 */
export async function acknowledgeIncident(ctx: DomainContext, id: string, options: { by?: string; note?: string } = {}): Promise<Incident> {
  const at = new Date();
  const { incident, queued } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!current) throw new NotFoundError('incident', id);
    if (current.state === 'resolved') throw new ConflictError(`incident ${id} is already resolved`);
    if (current.state === 'acknowledged') return { incident: current, queued: [] };
    const [updated] = await tx.update(incidents).set({ state: 'acknowledged' }).where(eq(incidents.id, id)).returning();
    // The timeline line is the notice: state, line and deliveries commit together.
    const notice = { incident: current, type: 'acknowledged', at, actor: options.by || SOMEONE, note: options.note || null } as const;
    return { incident: updated ?? current, queued: await recordAnnouncement(tx, ctx, notice) };
  });
  await dispatchDeliveries(ctx, queued);
  return publishIncident(ctx, toIncident(incident));
}

/**
 * Closes an incident by hand, with an optional note; the channels that heard about it get a "resolved"
 * notice. The monitor's own state is untouched: if it is still down, no new incident opens until it has
 * been up again.
 */
export async function resolveIncident(ctx: DomainContext, id: string, options: { by?: string; note?: string } = {}): Promise<Incident> {
  const at = new Date();
  const incident = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!current) throw new NotFoundError('incident', id);
    if (current.state === 'resolved') throw new ConflictError(`incident ${id} is already resolved`);
    const [updated] = await tx.update(incidents).set({ state: 'resolved', resolvedAt: at }).where(eq(incidents.id, id)).returning();
    if (!updated) throw new NotFoundError('incident', id);
    return updated;
  });
  await announce(ctx, { incident, type: 'resolved', at, actor: options.by || SOMEONE, note: options.note || null });
  return publishIncident(ctx, toIncident(incident));
}

/** Tells the dashboards, best effort (the change is stored already), and gives the incident back as answered. */
async function publishIncident(ctx: DomainContext, incident: Incident): Promise<Incident> {
  try {
    await ctx.events.publish({ type: 'incident', incident });
  } catch (error) {
    ctx.logger.warn('could not publish incident event', { incidentId: incident.id, error });
  }
  return incident;
}
