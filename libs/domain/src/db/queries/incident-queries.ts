import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
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
