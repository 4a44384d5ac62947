import { appendIncidentEvent } from '../db/queries/incident-event-queries';
import type { NotifyDeps } from '../notify/notify-deps';
import { notifyIncidentChange } from '../notify/notify-incident-change';
import type { ExpiryIncidentChange } from './expiry-incidents';

/**
 * Tells the monitor's channels about an expiry incident, once per certificate: an incident opened for a
 * certificate another monitor's open incident already alerted about goes on the timeline as not announced
 * (so its resolve stays quiet too, and the sweep does not announce it late). Never throws.
 */
export async function announceExpiryChange(deps: NotifyDeps, change: ExpiryIncidentChange): Promise<void> {
  const { incident } = change;
  if (change.change === 'opened' && change.alreadyAlertedBy) {
    try {
      await appendIncidentEvent(deps.db, {
        incidentId: incident.id,
        type: 'opened',
        at: incident.openedAt,
        note: `The same certificate as incident ${change.alreadyAlertedBy}, which was alerted.`,
        suppressedBy: 'not_announced',
      });
    } catch (error) {
      deps.logger.warn('could not record a shared-certificate incident', { incidentId: incident.id, error });
    }
    return;
  }
  await notifyIncidentChange(deps, { incident });
}
