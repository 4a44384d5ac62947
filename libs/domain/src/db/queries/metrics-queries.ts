import type postgres from 'postgres';

/** Monitors by status, paused ones apart: small whatever the fleet. */
export function monitorCountsByStatus(sql: postgres.Sql) {
  return sql<{ status: string; count: number }[]>`
    select case when paused then 'paused' else status end as status, count(*)::int as count from monitors group by 1`;
}

/** Every unpaused monitor that has a verdict: one series each. */
export function monitorVerdicts(sql: postgres.Sql) {
  return sql<{ id: string; name: string; kind: string; up: boolean }[]>`
    select id, name, kind, status = 'up' as up from monitors where not paused and status in ('up', 'down')`;
}

export async function deadLetterCount(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from alert_deliveries where status = 'dead'`;
  return row?.count ?? 0;
}

// The days left are computed here, to a tenth, as float8 (a JavaScript number): drizzle turns off postgres.js'
// date parsing on the client it shares with these queries, so a timestamp would reach JavaScript as text.

/** Per monitor, the days left on its soonest-ending certificate. */
export function certificateEnds(sql: postgres.Sql) {
  return sql<{ id: string; name: string; daysLeft: number }[]>`
    select m.id, m.name, round((extract(epoch from min(c.valid_to) - now()) / 86400)::numeric, 1)::float8 as "daysLeft"
    from tls_certificates c join monitors m on m.id = c.monitor_id
    where c.valid_to is not null and not m.paused
    group by m.id, m.name`;
}

/** Per registrable domain, the days left on its registration (a domain is shared by the monitors on it). */
export function domainEnds(sql: postgres.Sql) {
  return sql<{ domain: string; daysLeft: number }[]>`
    select domain, round((extract(epoch from expires_at - now()) / 86400)::numeric, 1)::float8 as "daysLeft"
    from domain_registrations where expires_at is not null`;
}
