import { and, asc, desc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import type { Db } from '../client';
import type { Executor } from '../executor';
import { incidents, type IncidentRow } from '../schema';

export interface IncidentFilter {
  monitorId?: string;
  state?: Incident['state'];
  kind?: Incident['kind'];
  limit: number;
  offset?: number;
}

/** Open incidents first, then newest first. */
export function selectIncidents(db: Db, filter: IncidentFilter): Promise<IncidentRow[]> {
  const conditions: SQL[] = [];
  if (filter.monitorId) conditions.push(eq(incidents.monitorId, filter.monitorId));
  if (filter.state) conditions.push(eq(incidents.state, filter.state));
  if (filter.kind) conditions.push(eq(incidents.kind, filter.kind));
  return db
    .select()
    .from(incidents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sql`${incidents.state} = 'resolved'`), desc(incidents.openedAt), desc(incidents.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

export async function findIncident(db: Executor, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row;
}

/** These monitors' incidents open now or resolved since `resolvedSince`, newest first, at most `limit`. */
export function incidentsOfMonitorsSince(
  db: Db,
  monitorIds: readonly string[],
  resolvedSince: Date,
  limit: number,
): Promise<IncidentRow[]> {
  if (monitorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(incidents)
    .where(and(inArray(incidents.monitorId, [...monitorIds]), or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, resolvedSince))))
    .orderBy(desc(incidents.openedAt), desc(incidents.id))
    .limit(limit);
}
