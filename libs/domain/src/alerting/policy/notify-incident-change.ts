import type { Incident } from '@mini-netumo/contracts';
import type { DomainContext } from '../../runtime/domain-context';
import { announce } from './announce';

/**
 * The hook after a check (or a TLS/domain check): an incident it opened or resolved is announced on the
 * monitor's channels. Never throws: the check is already stored, and a notice that could not be queued now
 * is queued by the next sweep (it looks for incidents whose opening or resolve is not on the timeline).
 */
export async function notifyIncidentChange(ctx: DomainContext, change: { incident: Incident | null } | null): Promise<void> {
  const incident = change?.incident;
  if (!incident) return;
  try {
    if (incident.state === 'resolved') await announce(ctx, { incident, type: 'resolved', at: incident.resolvedAt ?? new Date() });
    else await announce(ctx, { incident, type: 'opened', at: incident.openedAt });
  } catch (error) {
    ctx.logger.warn('could not queue incident notifications; the sweep will', { incidentId: incident.id, error });
  }
}
