import type { Incident } from '@mini-netumo/contracts';

/** Open incidents first, then newest first within each group. */
export function incidentOrder(a: Incident, b: Incident): number {
  if (a.state !== b.state) return a.state === 'open' ? -1 : 1;
  return b.openedAt.getTime() - a.openedAt.getTime();
}

/** Inserts or replaces by id, then restores the order; an incident event carries the whole incident. */
export function upsertIncident(incidents: readonly Incident[], incoming: Incident): Incident[] {
  return [...incidents.filter((incident) => incident.id !== incoming.id), incoming].sort(incidentOrder);
}
