import type { Incident } from '@mini-netumo/contracts';
import type { IncidentRow } from '../../db/schema';

/**
 * The API shape of an incident row: the contract's fields and no others. `subject` (what an expiry incident
 * is about, to share it between monitors) is the lanes' own bookkeeping and stays in storage.
 */
export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    monitorId: row.monitorId,
    kind: row.kind,
    state: row.state,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    cause: row.cause,
  };
}
