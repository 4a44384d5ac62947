import { and, eq, ne } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { incidents, type IncidentRow } from '../db/schema';

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

/** An incident an expiry check opened or resolved, for live events and notifications. */
export interface ExpiryIncidentChange {
  change: 'opened' | 'resolved';
  incident: Incident;
  /** Opened: another monitor already has an open incident about the same subject (one alert per certificate). */
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
    if (open && concern && (open.subject === concern.subject || concern.yieldsToOpen)) return [];

    const changes: ExpiryIncidentChange[] = [];
    if (open) {
      const [resolved] = await tx
        .update(incidents)
        .set({ state: 'resolved', resolvedAt: at })
        .where(eq(incidents.id, open.id))
        .returning();
      if (resolved) changes.push({ change: 'resolved', incident: toIncident(resolved), alreadyAlertedBy: null });
    }
    if (!concern) return changes;

    const [sibling] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.kind, kind), eq(incidents.subject, concern.subject), ne(incidents.state, 'resolved'), ne(incidents.monitorId, monitorId)))
      .limit(1);
    const [opened] = await tx
      .insert(incidents)
      .values({ monitorId, kind, state: 'open', openedAt: at, cause: concern.cause, subject: concern.subject })
      .onConflictDoNothing()
      .returning();
    if (opened) changes.push({ change: 'opened', incident: toIncident(opened), alreadyAlertedBy: sibling?.id ?? null });
    return changes;
  });
}

function toIncident(row: IncidentRow): Incident {
  return { id: row.id, monitorId: row.monitorId, kind: row.kind, state: row.state, openedAt: row.openedAt, resolvedAt: row.resolvedAt, cause: row.cause };
}
