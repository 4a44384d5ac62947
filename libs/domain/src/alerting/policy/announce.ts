import type { AlertType, Incident, Suppression } from '@mini-netumo/contracts';
import type { Tx } from '../../db/executor';
import { enabledChannelsOfMonitor } from '../../db/queries/channel-queries';
import { channelsToldAbout, insertDeliveries, wasAnnounced } from '../../db/queries/delivery-queries';
import { countStateChanges, findFlappingHold, startFlappingHold } from '../../db/queries/flapping-queries';
import { appendIncidentEvent, markEventSuppressed } from '../../db/queries/incident-event-queries';
import type { AlertDeliveryRow, IncidentEventRow } from '../../db/schema';
import { isUnderMaintenance } from '../../maintenance-windows/maintenance-window-service';
import type { DomainContext } from '../../runtime/domain-context';
import { dispatchDeliveries } from '../delivery/dispatch-deliveries';

export interface Announcement {
  incident: Pick<Incident, 'id' | 'monitorId' | 'kind'>;
  type: AlertType;
  at: Date;
  actor?: string | null;
  note?: string | null;
  /**
   * Only these channels (a reminder to the channels that are due); default every enabled channel of the
   * monitor. An acknowledgement always goes to the channels told about the incident, whatever this says.
   */
  channelIds?: string[];
  /** A countdown reminder's step (days before expiry); the timeline takes each step once per incident. */
  countdownDays?: number;
}

interface Verdict {
  suppressedBy: Suppression | null;
  /** Set when this change is the one that makes the monitor flapping: the one notice to send instead. */
  flappingNote?: string;
}

/**
 * Puts a notice on the incident's timeline and queues one delivery per channel, unless now is not the time:
 * a maintenance window, a flapping hold, or a resolve or acknowledgement of an opening nobody was told about. "opened" and
 * "resolved" are recorded once per incident, so a notice already handled is never queued twice.
 * Returns the deliveries queued (none when suppressed or already handled).
 */
export async function announce(ctx: DomainContext, announcement: Announcement): Promise<AlertDeliveryRow[]> {
  const queued = await ctx.db.transaction((tx) => recordAnnouncement(tx, ctx, announcement));
  await dispatchDeliveries(ctx, queued);
  return queued;
}

/**
 * The part of `announce` that writes: the timeline line and the delivery rows, inside the caller's
 * transaction (so a state change and its notice commit together). Hand the result to `dispatchDeliveries`
 * once the transaction has committed.
 */
export async function recordAnnouncement(tx: Tx, ctx: Pick<DomainContext, 'settings'>, request: Announcement): Promise<AlertDeliveryRow[]> {
  // An acknowledgement answers the notices already sent, so it goes only where they went.
  const announcement =
    request.type === 'acknowledged' ? { ...request, channelIds: await channelsToldAbout(tx, request.incident.id) } : request;
  const event = await appendIncidentEvent(tx, {
    incidentId: announcement.incident.id,
    type: announcement.type,
    at: announcement.at,
    actor: announcement.actor ?? null,
    note: announcement.note ?? null,
    countdownDays: announcement.countdownDays ?? null,
  });
  if (!event) return [];
  const verdict = await decide(tx, ctx, announcement);
  const deliveries: AlertDeliveryRow[] = [];
  if (verdict.suppressedBy) await markEventSuppressed(tx, event.id, verdict.suppressedBy);
  else deliveries.push(...(await queueDeliveries(tx, event, announcement)));
  if (verdict.flappingNote) {
    const notice = await appendIncidentEvent(tx, {
      incidentId: announcement.incident.id,
      type: 'flapping',
      at: announcement.at,
      note: verdict.flappingNote,
    });
    if (notice) deliveries.push(...(await queueDeliveries(tx, notice, { ...announcement, type: 'flapping', channelIds: undefined })));
  }
  return deliveries;
}

async function decide(tx: Tx, ctx: Pick<DomainContext, 'settings'>, announcement: Announcement): Promise<Verdict> {
  const { incident, type, at } = announcement;
  // It answers notices already sent, so no window or hold silences it; with nobody told (opened during
  // maintenance, say) there is nobody to answer.
  if (type === 'acknowledged') return { suppressedBy: announcement.channelIds?.length ? null : 'not_announced' };
  if (await isUnderMaintenance(tx, incident.monitorId, at)) return { suppressedBy: 'maintenance' };
  if (incident.kind === 'down' && (type === 'opened' || type === 'resolved')) {
    if (await findFlappingHold(tx, incident.monitorId)) return { suppressedBy: 'flapping' };
    const { changes, windowMinutes } = ctx.settings.notify.flapping;
    const seen = await countStateChanges(tx, incident.monitorId, new Date(at.getTime() - windowMinutes * 60_000));
    if (seen > changes && (await startFlappingHold(tx, { monitorId: incident.monitorId, since: at, incidentId: incident.id }))) {
      return { suppressedBy: 'flapping', flappingNote: `It changed between up and down ${seen} times in ${windowMinutes} minutes.` };
    }
  }
  if (type === 'resolved' && !(await wasAnnounced(tx, incident.id))) return { suppressedBy: 'not_announced' };
  return { suppressedBy: null };
}

async function queueDeliveries(tx: Tx, event: IncidentEventRow, announcement: Announcement): Promise<AlertDeliveryRow[]> {
  const channels = await enabledChannelsOfMonitor(tx, announcement.incident.monitorId);
  const wanted = announcement.channelIds ? channels.filter((channel) => announcement.channelIds?.includes(channel.id)) : channels;
  return insertDeliveries(
    tx,
    wanted.map((channel) => ({ eventId: event.id, incidentId: event.incidentId, channelId: channel.id, type: announcement.type })),
  );
}
