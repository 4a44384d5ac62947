import { eq } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import { incidents } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { announce, dispatchDeliveries, recordAnnouncement } from '../notify/announce';
import type { NotifyDeps } from '../notify/notify-deps';

/** Without authentication there is no caller to name yet; the event still says a person did it. */
const SOMEONE = 'a user';

/**
 * Someone is on it: reminders stop, and the channels told about the incident hear who took it (with the
 * note, if any). Acknowledging twice is harmless and tells nobody twice; a resolved incident cannot be
 * acknowledged (CONFLICT).
 */
export async function acknowledgeIncident(deps: NotifyDeps, id: string, options: { by?: string; note?: string } = {}): Promise<Incident> {
  const at = new Date();
  const { incident, queued } = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!current) throw new NotFoundError('incident', id);
    if (current.state === 'resolved') throw new ConflictError(`incident ${id} is already resolved`);
    if (current.state === 'acknowledged') return { incident: current, queued: [] };
    const [updated] = await tx.update(incidents).set({ state: 'acknowledged' }).where(eq(incidents.id, id)).returning();
    // The timeline line is the notice: state, line and deliveries commit together.
    const notice = { incident: current, type: 'acknowledged', at, actor: options.by || SOMEONE, note: options.note || null } as const;
    return { incident: updated ?? current, queued: await recordAnnouncement(tx, deps, notice) };
  });
  await dispatchDeliveries(deps, queued);
  await publishIncident(deps, incident);
  return incident;
}

/**
 * Closes an incident by hand, with an optional note; the channels that heard about it get a "resolved"
 * notice. The monitor's own state is untouched: if it is still down, no new incident opens until it has
 * been up again.
 */
export async function resolveIncident(deps: NotifyDeps, id: string, options: { by?: string; note?: string } = {}): Promise<Incident> {
  const at = new Date();
  const incident = await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!current) throw new NotFoundError('incident', id);
    if (current.state === 'resolved') throw new ConflictError(`incident ${id} is already resolved`);
    const [updated] = await tx.update(incidents).set({ state: 'resolved', resolvedAt: at }).where(eq(incidents.id, id)).returning();
    if (!updated) throw new NotFoundError('incident', id);
    return updated;
  });
  await announce(deps, { incident, type: 'resolved', at, actor: options.by || SOMEONE, note: options.note || null });
  await publishIncident(deps, incident);
  return incident;
}

async function publishIncident(deps: NotifyDeps, incident: Incident): Promise<void> {
  try {
    await deps.events.publish({ type: 'incident', incident });
  } catch (error) {
    deps.logger.warn('could not publish incident event', { incidentId: incident.id, error });
  }
}
