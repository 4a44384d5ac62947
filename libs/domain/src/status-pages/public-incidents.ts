import { DAY_MS, type IncidentKind, type IncidentUpdateState, type PublicIncident } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { incidentsOfMonitorsSince } from '../db/queries/incident-queries';
import { shownIncidentUpdates } from '../db/queries/incident-update-queries';

/** A page lists at most this many incidents: a monitor flapping for 90 days must not make the page huge. */
const MOST_INCIDENTS = 50;

const TITLES: Record<IncidentKind, (name: string) => string> = {
  down: (name) => `${name} unavailable`,
  tls: (name) => `${name}: certificate expiring`,
  domain: (name) => `${name}: domain registration expiring`,
};

/**
 * The incidents a page tells about, open first: every outage of its monitors, and any other incident someone posted
 * a public update on (a certificate about to lapse is the operator's business until they say otherwise). Only
 * public words: the title from the kind and the page's name for the monitor, the updates; never the cause.
 */
export async function publicIncidents(
  db: Db,
  publicNames: ReadonlyMap<string, string>,
  now: Date,
): Promise<{ open: PublicIncident[]; resolved: PublicIncident[] }> {
  const rows = await incidentsOfMonitorsSince(db, [...publicNames.keys()], new Date(now.getTime() - 90 * DAY_MS), MOST_INCIDENTS);
  const updates = await shownIncidentUpdates(
    db,
    rows.map((row) => row.id),
  );
  const incidents = rows.flatMap((row): PublicIncident[] => {
    const own = updates.filter((update) => update.incidentId === row.id).reverse();
    if (row.kind !== 'down' && own.length === 0) return [];
    const name = publicNames.get(row.monitorId) ?? '';
    const latest: IncidentUpdateState = own[0]?.state ?? 'investigating';
    return [
      {
        id: row.id,
        title: TITLES[row.kind](name),
        monitors: [name],
        state: row.state === 'resolved' ? 'resolved' : latest,
        openedAt: row.openedAt.toISOString(),
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        updates: own.map((update) => ({
          id: update.id,
          state: update.state,
          message: update.message,
          postedAt: update.postedAt.toISOString(),
          editedAt: update.editedAt?.toISOString() ?? null,
        })),
      },
    ];
  });
  return {
    open: incidents.filter((incident) => incident.resolvedAt === null),
    resolved: incidents.filter((incident) => incident.resolvedAt !== null),
  };
}
