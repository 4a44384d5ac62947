import type { IncidentDetail, IncidentEvent, ResolveReason } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { incidentTimeline } from '../db/queries/incident-event-queries';
import { findIncident } from '../db/queries/incident-queries';
import { findMonitor } from '../db/queries/monitor-queries';
import { NotFoundError } from '../errors';

/** An incident with its monitor, who acknowledged or resolved it and why, and its timeline oldest first. */
export async function getIncidentDetail(db: Db, id: string): Promise<IncidentDetail> {
  const incident = await findIncident(db, id);
  if (!incident) throw new NotFoundError('incident', id);
  const [monitor, timeline] = await Promise.all([findMonitor(db, incident.monitorId), incidentTimeline(db, id)]);
  const acknowledged = timeline.findLast((event) => event.type === 'acknowledged');
  const resolved = timeline.find((event) => event.type === 'resolved');
  return {
    ...incident,
    monitorName: monitor?.name ?? '',
    monitorUrl: monitor?.url ?? '',
    acknowledgedAt: acknowledged?.at ?? null,
    acknowledgedBy: acknowledged?.actor ?? null,
    resolveReason: incident.state === 'resolved' ? resolveReason(incident.kind, resolved) : null,
    resolutionNote: resolved?.note ?? null,
    timeline,
  };
}

/** A person resolving by hand is always named on the event; the checks resolve with no actor. */
export function resolveReason(kind: string, event: IncidentEvent | undefined): ResolveReason {
  if (event?.actor) return 'manual';
  return kind === 'down' ? 'recovered' : 'renewed';
}
