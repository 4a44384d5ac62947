import { sql } from 'drizzle-orm';
import type { DomainContext } from '../../../runtime/domain-context';
import { recoverStuckDeliveries } from '../../delivery/recover-stuck-deliveries';
import { announceMissedNotices } from './missed-notices';
import { sendReminders } from './send-reminders';
import { settleFlapping } from './settle-flapping';

const SWEEP_LOCK_KEY = 727_275;

export interface SweepReport {
  missed: number;
  settled: string[];
  reminders: number;
  requeued: number;
  dead: number;
}

/**
 * The periodic look at everything time-driven: notices the hook missed, flapping that settled, reminders
 * that are due, deliveries whose job got lost. Several workers may run it at once; an advisory lock held by
 * a transaction for the duration lets only one do the work (null: another sweep is running).
 */
export async function runNotifySweep(ctx: DomainContext, now = new Date()): Promise<SweepReport | null> {
  return ctx.db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as locked`);
    if (!lock?.locked) return null;
    const missed = await announceMissedNotices(ctx, now);
    const settled = await settleFlapping(ctx, now);
    const reminders = await sendReminders(ctx, now);
    const { requeued, dead } = await recoverStuckDeliveries(ctx, now);
    return { missed, settled, reminders, requeued, dead };
  });
}
