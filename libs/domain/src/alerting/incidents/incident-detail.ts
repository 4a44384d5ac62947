import type { Incident, IncidentDetail, IncidentEvent, ResolveReason } from '@mini-netumo/contracts';
import { targetOf } from '../../checks/monitor-kinds';
import { incidentTimeline } from '../../db/queries/incident-event-queries';
import { findIncident, selectIncidents, type IncidentFilter } from '../../db/queries/incident-queries';
import { shownIncidentUpdates } from '../../db/queries/incident-update-queries';
import { findMonitor } from '../../db/queries/monitor-queries';
import type { DomainContext } from '../../runtime/domain-context';
import { NotFoundError } from '../../core/errors';
import { toIncident } from './incident-row';
import { toIncidentUpdate } from './incident-updates';

/** Filtered by monitor, state and kind; open ones first, then newest first. */
export async function listIncidents(ctx: DomainContext, filter: IncidentFilter): Promise<Incident[]> {
  return (await selectIncidents(ctx.db, filter)).map(toIncident);
}

/** An incident with its monitor, who acknowledged or resolved it and why, and its timeline oldest first. */
export async function getIncidentDetail(ctx: DomainContext, id: string): Promise<IncidentDetail> {
  const incident = await findIncident(ctx.db, id);
  if (!incident) throw new NotFoundError('incident', id);
  const [monitor, timeline, updates] = await Promise.all([
    findMonitor(ctx.db, incident.monitorId),
    incidentTimeline(ctx.db, id),
    shownIncidentUpdates(ctx.db, [id]),
  ]);
  const acknowledged = timeline.findLast((event) => event.type === 'acknowledged');
  const resolved = timeline.find((event) => event.type === 'resolved');
  return {
    ...toIncident(incident),
    monitorName: monitor?.name ?? '',
    monitorUrl: monitor ? targetOf(monitor) : '',
    acknowledgedAt: acknowledged?.at ?? null,
    acknowledgedBy: acknowledged?.actor ?? null,
    resolveReason: incident.state === 'resolved' ? resolveReason(incident.kind, resolved) : null,
    resolutionNote: resolved?.note ?? null,
    timeline,
    updates: updates.map(toIncidentUpdate),
  };
}

/** A person resolving by hand is always named on the event; the checks resolve with no actor. */
export function resolveReason(kind: string, event: IncidentEvent | undefined): ResolveReason {
  if (event?.actor) return 'manual';
  return kind === 'down' ? 'recovered' : 'renewed';
}
