import type { IncidentEvent, Suppression } from '@mini-netumo/contracts';

const SUPPRESSED: Record<Suppression, string> = {
  maintenance: 'not sent: maintenance window',
  flapping: 'not sent: flapping',
  not_announced: 'not sent: the opening was never announced',
};

const TITLES: Record<IncidentEvent['type'], string> = {
  opened: 'Opened',
  acknowledged: 'Acknowledged',
  reminder: 'Reminder',
  flapping: 'Flapping',
  settled: 'Settled',
  resolved: 'Resolved',
  notified: 'Notification sent',
  notify_failed: 'Notification failed',
  alert_discarded: 'Alert discarded',
  update_posted: 'Public update posted',
  update_edited: 'Public update edited',
  update_deleted: 'Public update removed',
};

/** One timeline line as a person reads it: what happened, by whom, and why nothing was sent if so. */
export function eventText(event: Pick<IncidentEvent, 'type' | 'actor' | 'note' | 'suppressedBy'>): string {
  const parts = [TITLES[event.type]];
  if (event.actor) parts[0] += ` by ${event.actor}`;
  if (event.suppressedBy) parts.push(SUPPRESSED[event.suppressedBy]);
  if (event.note) parts.push(event.note);
  return parts.join(' · ');
}
