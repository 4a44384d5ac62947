import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { domainRegistrations, type DomainRegistrationRow } from '../schema';

export interface LookupFacts {
  expiresAt: Date | null;
  notRegistered: boolean;
  source: DomainRegistrationRow['source'];
  registrar: string | null;
  reason: string | null;
}

export interface ClaimWindows {
  now: Date;
  /** A row with a date (or "not registered") checked before this is due again. */
  staleBefore: Date;
  /** An unknown row checked before this is due again (sooner: the registry may be back). */
  unknownStaleBefore: Date;
  /** A claim older than this was abandoned by a worker that died; take it over. */
  claimExpiredBefore: Date;
}

/**
 * Claims the lookup of a domain when its row is due, atomically: of many monitors (or workers) on one
 * domain, exactly one asks the registries and the rest use the row. Returns the claimed row, or null when
 * the row is fresh or someone else is already looking it up.
 */
export async function claimDomainLookup(db: Db, domain: string, windows: ClaimWindows): Promise<DomainRegistrationRow | null> {
  const table = domainRegistrations;
  const [claimed] = await db
    .insert(table)
    .values({ domain, lookupStartedAt: windows.now })
    .onConflictDoUpdate({
      target: table.domain,
      set: { lookupStartedAt: windows.now },
      where: sql`(${table.checkedAt} is null
          or ${table.checkedAt} < case when ${table.expiresAt} is null and not ${table.notRegistered}
            then ${windows.unknownStaleBefore.toISOString()}::timestamptz else ${windows.staleBefore.toISOString()}::timestamptz end)
        and (${table.lookupStartedAt} is null or ${table.lookupStartedAt} < ${windows.claimExpiredBefore.toISOString()}::timestamptz)`,
    })
    .returning();
  return claimed ?? null;
}

/** Stores a finished lookup and releases the claim; an unknown keeps the time it started being unknown. */
export async function saveDomainLookup(db: Db, domain: string, facts: LookupFacts, checkedAt: Date): Promise<DomainRegistrationRow> {
  const unknown = facts.expiresAt === null && !facts.notRegistered;
  const [row] = await db
    .update(domainRegistrations)
    .set({
      ...facts,
      checkedAt,
      lookupStartedAt: null,
      unknownSince: unknown ? sql`coalesce(${domainRegistrations.unknownSince}, ${checkedAt.toISOString()}::timestamptz)` : null,
    })
    .where(eq(domainRegistrations.domain, domain))
    .returning();
  if (!row) throw new Error(`domain registration ${domain} vanished during its lookup`);
  return row;
}

export async function releaseDomainClaim(db: Db, domain: string): Promise<void> {
  await db.update(domainRegistrations).set({ lookupStartedAt: null }).where(eq(domainRegistrations.domain, domain));
}

export async function findDomainRegistration(db: Db, domain: string): Promise<DomainRegistrationRow | undefined> {
  const [row] = await db.select().from(domainRegistrations).where(eq(domainRegistrations.domain, domain));
  return row;
}

export function listDomainRegistrations(db: Db, domains: string[]): Promise<DomainRegistrationRow[]> {
  if (domains.length === 0) return Promise.resolve([]);
  return db.select().from(domainRegistrations).where(inArray(domainRegistrations.domain, domains));
}
