import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Incident } from '@mini-netumo/contracts';
import type { Db } from '../client';
import { incidents } from '../schema';

export interface IncidentFilter {
  monitorId?: string;
  state?: Incident['state'];
  limit: number;
}

/** Open incidents first, then newest first. */
export function listIncidents(db: Db, filter: IncidentFilter): Promise<Incident[]> {
  const conditions: SQL[] = [];
  if (filter.monitorId) conditions.push(eq(incidents.monitorId, filter.monitorId));
  if (filter.state) conditions.push(eq(incidents.state, filter.state));
  return db
    .select()
    .from(incidents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sql`${incidents.state} = 'resolved'`), desc(incidents.openedAt))
    .limit(filter.limit);
}
