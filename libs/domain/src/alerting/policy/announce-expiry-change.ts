import { appendIncidentEvent } from '../../db/queries/incident-event-queries';
import type { DomainContext } from '../../runtime/domain-context';
import type { ExpiryIncidentChange } from '../incidents/expiry-incidents';
import { announce } from './announce';
import { notifyIncidentChange } from './notify-incident-change';

/**
 * Tells the monitor's channels about an expiry incident, once per certificate: an incident opened for a
 * certificate another monitor's open incident already alerted about goes on the timeline as not announced
 * (so its resolve stays quiet too, and the sweep does not announce it late). Once no announced incident about
 * that certificate is open, such an incident takes over and is announced after all. Never throws.
 */
export async function announceExpiryChange(ctx: DomainContext, change: ExpiryIncidentChange): Promise<void> {
  const { incident } = change;
  if (change.change === 'taken_over') {
    try {
      await announce(ctx, {
        incident,
        type: 'opened',
        at: incident.openedAt,
        note: `Announced late: the incident that alerted about the same ${what(incident)} is no longer open.`,
      });
    } catch (error) {
      ctx.logger.warn('could not announce a shared-certificate incident that took over; the sweep will', {
        incidentId: incident.id,
        error,
      });
    }
    return;
  }
  if (change.change === 'opened' && change.alreadyAlertedBy) {
    try {
      await appendIncidentEvent(ctx.db, {
        incidentId: incident.id,
        type: 'opened',
        at: incident.openedAt,
        note: `The same ${what(incident)} as incident ${change.alreadyAlertedBy}, which was alerted.`,
        suppressedBy: 'not_announced',
      });
    } catch (error) {
      ctx.logger.warn('could not record a shared-certificate incident', { incidentId: incident.id, error });
    }
    return;
  }
  await notifyIncidentChange(ctx, { incident });
}

const what = (incident: { kind: string }) => (incident.kind === 'domain' ? 'domain' : 'certificate');
