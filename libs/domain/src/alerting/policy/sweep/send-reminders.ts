import { enabledChannelsOfMonitor } from '../../../db/queries/channel-queries';
import { lastAlertPerChannel, wasAnnounced } from '../../../db/queries/delivery-queries';
import { findFlappingHold } from '../../../db/queries/flapping-queries';
import { findOpening } from '../../../db/queries/incident-event-queries';
import { openUnacknowledgedIncidents } from '../../../db/queries/sweep-queries';
import { isUnderMaintenance } from '../../../maintenance-windows/maintenance-window-service';
import type { DomainContext } from '../../../runtime/domain-context';
import { announce } from '../announce';

/**
 * Reminds about open, unacknowledged incidents on each channel whose interval has passed since it last heard
 * about the incident. Acknowledging (state becomes acknowledged) stops them. An incident that opened during
 * a maintenance window and is still open after it gets its first notice here, as a reminder.
 */
export async function sendReminders(ctx: DomainContext, now: Date): Promise<number> {
  let sent = 0;
  for (const incident of await openUnacknowledgedIncidents(ctx.db)) {
    if ((await findFlappingHold(ctx.db, incident.monitorId)) || (await isUnderMaintenance(ctx.db, incident.monitorId, now))) continue;
    const channels = await enabledChannelsOfMonitor(ctx.db, incident.monitorId);
    if (channels.length === 0) continue;
    let due: string[] = [];
    if (!(await wasAnnounced(ctx.db, incident.id))) {
      const opening = await findOpening(ctx.db, incident.id);
      if (opening?.suppressedBy === 'maintenance') due = channels.map((channel) => channel.id);
    } else {
      const last = await lastAlertPerChannel(ctx.db, incident.id);
      due = channels
        .filter((channel) => {
          const heard = last.get(channel.id);
          return (
            channel.reminderIntervalMinutes !== null &&
            heard !== undefined &&
            now.getTime() - heard.getTime() >= channel.reminderIntervalMinutes * 60_000
          );
        })
        .map((channel) => channel.id);
    }
    if (due.length === 0) continue;
    sent += (await announce(ctx, { incident, type: 'reminder', at: now, channelIds: due })).length;
  }
  return sent;
}
