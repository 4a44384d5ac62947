import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { findOpening } from '../../../db/queries/incident-event-queries';
import { incidentEvents, incidents, type AlertDeliveryRow, type IncidentRow } from '../../../db/schema';
import { daysUntil } from '@mini-netumo/contracts';
import type { DomainContext } from '../../../runtime/domain-context';
import { countdownNote } from '../../channels/template/countdown-note';
import type { ExpiryCountdown } from '../../incidents/expiry-incidents';
import { announce } from '../announce';
import { dueCountdownStep } from './countdown-step';

/**
 * Sends a countdown reminder when the days left first reach one of the monitor's `expiryReminderDays`,
 * while the incident about that certificate or registration is open and not acknowledged. Each step is on
 * the timeline at most once per incident (a unique index), so a second run the same day or two racing
 * workers send nothing more. An incident that shares a certificate with one that was alerted (its opening
 * went unannounced) stays quiet: the alerted one reminds. Maintenance windows: as announce() decides.
 */
export async function remindExpiryCountdown(ctx: DomainContext, countdown: ExpiryCountdown): Promise<AlertDeliveryRow[]> {
  const incident = await findOpenIncidentAbout(ctx.db, countdown);
  if (!incident) return [];
  if ((await findOpening(ctx.db, incident.id))?.suppressedBy === 'not_announced') return [];
  const step = dueCountdownStep(countdown.steps, countdown.daysLeft, daysUntil(countdown.expiresAt, incident.openedAt));
  // A smaller step already reminded (the steps were edited since): going back up would repeat it.
  if (step === null || (await remindedAtOrBelow(ctx.db, incident.id, step))) return [];
  return announce(ctx, { incident, type: 'reminder', at: countdown.at, note: countdownNote(countdown), countdownDays: step });
}

/** Open and not acknowledged: acknowledging stops the countdown as it stops every reminder. */
async function findOpenIncidentAbout(db: Db, countdown: ExpiryCountdown): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(
      and(
        eq(incidents.monitorId, countdown.monitorId),
        eq(incidents.kind, countdown.kind),
        eq(incidents.subject, countdown.subject),
        eq(incidents.state, 'open'),
      ),
    );
  return row;
}

async function remindedAtOrBelow(db: Db, incidentId: string, step: number): Promise<boolean> {
  const [row] = await db
    .select({ id: incidentEvents.id })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), lte(incidentEvents.countdownDays, step)))
    .limit(1);
  return row !== undefined;
}
