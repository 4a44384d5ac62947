import { and, asc, eq, getTableColumns, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { monitors, tlsCertificates, type NewTlsCertificateRow, type TlsCertificateRow } from '../schema';

/**
 * Makes the monitor's rows exactly this check's addresses: new ones added, changed ones updated, gone ones
 * removed. Returns false when the monitor was deleted meanwhile (its row lock keeps a delete from racing in).
 */
export async function replaceTlsRows(db: Db, monitorId: string, rows: NewTlsCertificateRow[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [monitor] = await tx.select({ id: monitors.id }).from(monitors).where(eq(monitors.id, monitorId)).for('share');
    if (!monitor) return false;
    const addresses = rows.map((row) => row.address);
    await tx
      .delete(tlsCertificates)
      .where(
        addresses.length
          ? and(eq(tlsCertificates.monitorId, monitorId), notInArray(tlsCertificates.address, addresses))
          : eq(tlsCertificates.monitorId, monitorId),
      );
    if (rows.length === 0) return true;
    await tx
      .insert(tlsCertificates)
      .values(rows)
      .onConflictDoUpdate({
        target: [tlsCertificates.monitorId, tlsCertificates.address],
        set: UPDATED_ON_CONFLICT,
      });
    return true;
  });
}

export function listTlsRows(db: Db, monitorId: string): Promise<TlsCertificateRow[]> {
  return db.select().from(tlsCertificates).where(eq(tlsCertificates.monitorId, monitorId)).orderBy(asc(tlsCertificates.address));
}

/** Certificates of unpaused monitors ending before `before`, soonest first, with their monitor's name and URL. */
export function listTlsRowsEndingBefore(db: Db, before: Date) {
  return db
    .select({ row: tlsCertificates, monitorName: monitors.name })
    .from(tlsCertificates)
    .innerJoin(monitors, eq(monitors.id, tlsCertificates.monitorId))
    .where(and(isNotNull(tlsCertificates.validTo), lte(tlsCertificates.validTo, before), eq(monitors.paused, false)))
    .orderBy(asc(tlsCertificates.validTo));
}

/** Every column but the key takes the new check's value. */
const UPDATED_ON_CONFLICT = Object.fromEntries(
  Object.entries(getTableColumns(tlsCertificates))
    .filter(([key]) => key !== 'monitorId' && key !== 'address')
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);
