import { daysUntil, type PublicMonitorState, type PublicUptimeWindow } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { isOnAnyStatusPage } from '../db/queries/status-page-queries';
import { listTlsRows } from '../db/queries/tls-queries';
import { publicMonitorFacts } from './public-monitors';

/** What a monitor's badges say; only monitors on at least one status page have them. */
export interface BadgeFacts {
  state: PublicMonitorState;
  uptime: Record<PublicUptimeWindow, number | null>;
  latencyMs: number | null;
  /** Whole days left on the soonest-ending certificate of its addresses; null when none is known. */
  certDaysLeft: number | null;
}

/** Null for a monitor on no status page (or none at all): its badges are a 404, as if it did not exist. */
export async function badgeFacts(db: Db, monitorId: string, now = new Date()): Promise<BadgeFacts | null> {
  if (!(await isOnAnyStatusPage(db, monitorId))) return null;
  const [{ facts }, certificates] = await Promise.all([publicMonitorFacts(db, [monitorId], now), listTlsRows(db, monitorId)]);
  const monitor = facts.get(monitorId);
  if (!monitor) return null;
  const ends = certificates.flatMap((row) => (row.validTo ? [row.validTo.getTime()] : []));
  return {
    state: monitor.state,
    uptime: monitor.uptime,
    latencyMs: monitor.row.lastLatencyMs,
    certDaysLeft: ends.length ? daysUntil(new Date(Math.min(...ends)), now) : null,
  };
}
