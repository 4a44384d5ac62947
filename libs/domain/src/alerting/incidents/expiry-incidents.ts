import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/executor';
import { findOpening } from '../../db/queries/incident-event-queries';
import { incidentEvents, incidents, type IncidentRow } from '../../db/schema';
import { toIncident } from './incident-row';

/**
 * What an expiry lane wants for one monitor now: an incident about `subject`, or none. A low-key notice
 * (`yieldsToOpen`) never replaces an incident that is already open. `countdown` is set only while the
 * certificate or registration is merely expiring (expired, broken or unregistered is no countdown).
 */
export type ExpiryConcern = { subject: string; cause: string; yieldsToOpen?: boolean; countdown?: CountdownFacts } | null;

/** What runs out and when: the host (tls) or registrable domain, its end, and whole days left now. */
export interface CountdownFacts {
  name: string;
  expiresAt: Date;
  daysLeft: number;
}

/** An expiring certificate or registration of one monitor, for the countdown reminders (see remindExpiryCountdown). */
export interface ExpiryCountdown extends CountdownFacts {
  monitorId: string;
  kind: 'tls' | 'domain';
  /** The subject of the incident it belongs to. */
  subject: string;
  /** The monitor's `expiryReminderDays`. */
  steps: readonly number[];
  at: Date;
}

/** The countdown a concern carries, with the monitor's reminder steps; null when the concern is none. */
export function countdownOf(
  concern: ExpiryConcern | 'keep',
  monitor: { id: string; expiryReminderDays: readonly number[] },
  kind: ExpiryCountdown['kind'],
  at: Date,
): ExpiryCountdown | null {
  if (!concern || concern === 'keep' || !concern.countdown) return null;
  return { ...concern.countdown, monitorId: monitor.id, kind, subject: concern.subject, steps: monitor.expiryReminderDays, at };
}

/**
 * An incident an expiry check opened or resolved, for live events and notifications. `taken_over`: an incident
 * left unannounced for a sibling's alert, now that no announced incident about its subject is open: say it now.
 */
export interface ExpiryIncidentChange {
  change: 'opened' | 'resolved' | 'taken_over';
  incident: Incident;
  /** Opened: another monitor's open incident about the same subject was announced (one alert per certificate). */
  alreadyAlertedBy: string | null;
}

/**
 * Brings the monitor's open `tls` or `domain` incident in line with the concern, one incident per subject:
 * the same subject keeps its incident (no second alert), a different one resolves the old incident and opens
 * a new one, no concern resolves it (renewed). The partial unique index keeps one open per monitor and kind.
 */
export async function reconcileExpiryIncident(
  db: Db,
  monitorId: string,
  kind: 'tls' | 'domain',
  concern: ExpiryConcern,
  at: Date,
): Promise<ExpiryIncidentChange[]> {
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.monitorId, monitorId), eq(incidents.kind, kind), ne(incidents.state, 'resolved')))
      .for('update');
    if (open && concern && (open.subject === concern.subject || concern.yieldsToOpen)) {
      return (await takeOver(tx, open)) ? [{ change: 'taken_over', incident: toIncident(open), alreadyAlertedBy: null }] : [];
    }

    const changes: ExpiryIncidentChange[] = [];
    if (open) {
      const [resolved] = await tx.update(incidents).set({ state: 'resolved', resolvedAt: at }).where(eq(incidents.id, open.id)).returning();
      if (resolved) changes.push({ change: 'resolved', incident: toIncident(resolved), alreadyAlertedBy: null });
    }
    if (!concern) return changes;

    const sibling = await speakingSibling(tx, kind, concern.subject, monitorId);
    const [opened] = await tx
      .insert(incidents)
      .values({ monitorId, kind, state: 'open', openedAt: at, cause: concern.cause, subject: concern.subject })
      .onConflictDoNothing()
      .returning();
    if (opened) changes.push({ change: 'opened', incident: toIncident(opened), alreadyAlertedBy: sibling?.id ?? null });
    return changes;
  });
}

/**
 * An open incident whose opening was held back (another monitor's incident alerted about the same subject)
 * takes over once none announced about that subject is open: its held-back opening goes, to be announced
 * afresh (the sweep announces it if the caller cannot).
 */
async function takeOver(tx: Tx, open: IncidentRow): Promise<boolean> {
  if (open.state !== 'open' || !open.subject || (await findOpening(tx, open.id))?.suppressedBy !== 'not_announced') return false;
  if (await speakingSibling(tx, open.kind, open.subject, open.monitorId)) return false;
  const held = await tx
    .delete(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, open.id), eq(incidentEvents.type, 'opened'), eq(incidentEvents.suppressedBy, 'not_announced')))
    .returning({ id: incidentEvents.id });
  return held.length > 0;
}

/**
 * Another monitor's open incident about the subject whose opening was announced, or is about to be (no line
 * yet: its hook or the sweep will). Serialised per subject, so two siblings opening or taking over at once
 * never both speak.
 */
async function speakingSibling(tx: Tx, kind: IncidentRow['kind'], subject: string, monitorId: string): Promise<{ id: string } | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`expiry-subject:${kind}:${subject}`}))`);
  const [row] = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .leftJoin(incidentEvents, and(eq(incidentEvents.incidentId, incidents.id), eq(incidentEvents.type, 'opened')))
    .where(
      and(
        eq(incidents.kind, kind),
        eq(incidents.subject, subject),
        ne(incidents.state, 'resolved'),
        ne(incidents.monitorId, monitorId),
        or(isNull(incidentEvents.suppressedBy), ne(incidentEvents.suppressedBy, 'not_announced')),
      ),
    )
    .limit(1);
  return row;
}
