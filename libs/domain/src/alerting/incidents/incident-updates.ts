import { eq } from 'drizzle-orm';
import type { IncidentUpdate, IncidentUpdateState } from '@mini-netumo/contracts';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Executor } from '../../db/executor';
import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import { findIncident } from '../../db/queries/incident-queries';
import { lockShownIncidentUpdate } from '../../db/queries/incident-update-queries';
import { incidents, incidentUpdates, type IncidentUpdateRow } from '../../db/schema';
import type { DomainContext } from '../../runtime/domain-context';
import { SOMEONE, resolveIncident } from './incident-lifecycle';
import { toIncident } from './incident-row';

export const toIncidentUpdate = (row: IncidentUpdateRow): IncidentUpdate => ({
  id: row.id,
  incidentId: row.incidentId,
  state: row.state,
  message: row.message,
  postedAt: row.postedAt,
  editedAt: row.editedAt,
});

/** What the timeline keeps of an update's text at each step, so an edit or a delete loses nothing. */
const timelineNote = (state: IncidentUpdateState, message: string) => `${state}: ${message}`;

/**
 * Tells the world something about an incident (every status page listing its monitor shows it). Posting
 * `resolved` resolves the incident as a manual resolve does, channels told; an update on a resolved incident (a
 * post-mortem line) is allowed and changes nothing else.
 */
export async function postIncidentUpdate(
  ctx: DomainContext,
  input: { id: string; state: IncidentUpdateState; message: string },
): Promise<IncidentUpdate> {
  const row = await ctx.db.transaction(async (tx) => {
    const [incident] = await tx.select().from(incidents).where(eq(incidents.id, input.id)).for('update');
    if (!incident) throw new NotFoundError('incident', input.id);
    const [inserted] = await tx
      .insert(incidentUpdates)
      .values({ incidentId: input.id, state: input.state, message: input.message })
      .returning();
    if (!inserted) throw new Error('insert returned no incident update');
    await recordStep(tx, inserted, 'update_posted');
    return inserted;
  });
  await afterUpdate(ctx, row);
  return toIncidentUpdate(row);
}

/** Corrects an update's state or text; the timeline keeps the earlier text. */
export async function editIncidentUpdate(
  ctx: DomainContext,
  input: { updateId: string; state?: IncidentUpdateState; message?: string },
): Promise<IncidentUpdate> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockShownIncidentUpdate(tx, input.updateId);
    if (!current) throw new NotFoundError('incident update', input.updateId);
    const [edited] = await tx
      .update(incidentUpdates)
      .set({ state: input.state ?? current.state, message: input.message ?? current.message, editedAt: new Date() })
      .where(eq(incidentUpdates.id, current.id))
      .returning();
    if (!edited) throw new NotFoundError('incident update', input.updateId);
    await recordStep(tx, edited, 'update_edited');
    return edited;
  });
  await afterUpdate(ctx, row);
  return toIncidentUpdate(row);
}

/** Takes an update off the pages; the timeline keeps what it said. */
export async function deleteIncidentUpdate(ctx: DomainContext, updateId: string): Promise<{ id: string }> {
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockShownIncidentUpdate(tx, updateId);
    if (!current) throw new NotFoundError('incident update', updateId);
    await tx.update(incidentUpdates).set({ deletedAt: new Date() }).where(eq(incidentUpdates.id, current.id));
    await recordStep(tx, current, 'update_deleted');
    return current;
  });
  await publishIncidentOf(ctx, row.incidentId);
  return { id: row.id };
}

async function recordStep(tx: Executor, row: IncidentUpdateRow, type: 'update_posted' | 'update_edited' | 'update_deleted'): Promise<void> {
  await appendIncidentEvent(tx, { incidentId: row.incidentId, type, actor: SOMEONE, note: timelineNote(row.state, row.message) });
}

/** A `resolved` update resolves its incident (which tells the dashboards); any other is announced as the incident. */
async function afterUpdate(ctx: DomainContext, row: IncidentUpdateRow): Promise<void> {
  if (row.state === 'resolved') {
    try {
      await resolveIncident(ctx, row.incidentId, { note: row.message });
      return;
    } catch (error) {
      // Resolved already (by its recovery, or a person): the update stands, nothing more to do.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  await publishIncidentOf(ctx, row.incidentId);
}

/** Dashboards and public pages refresh on the incident's event; best effort, the change is stored. */
async function publishIncidentOf(ctx: DomainContext, incidentId: string): Promise<void> {
  try {
    const incident = await findIncident(ctx.db, incidentId);
    if (incident) await ctx.events.publish({ type: 'incident', incident: toIncident(incident) });
  } catch (error) {
    ctx.logger.warn('could not publish incident event', { incidentId, error });
  }
}
