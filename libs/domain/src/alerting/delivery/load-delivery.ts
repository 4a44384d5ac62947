import type { Db } from '../../db/client';
import { findChannel } from '../../db/queries/channel-queries';
import { findDelivery } from '../../db/queries/delivery-queries';
import { findIncidentEvent } from '../../db/queries/incident-event-queries';
import { findIncident } from '../../db/queries/incident-queries';
import { findMonitor } from '../../db/queries/monitor-queries';
import type { AlertDeliveryRow, ChannelRow, IncidentEventRow, IncidentRow, MonitorRow } from '../../db/schema';

/** A delivery with everything its message and its channels come from. */
export interface LoadedDelivery {
  delivery: AlertDeliveryRow;
  event: IncidentEventRow;
  incident: IncidentRow;
  monitor: MonitorRow;
  channel: ChannelRow;
  /** The fallback this delivery moved to, once it did. */
  engagedFallback: ChannelRow | null;
  /** The primary channel's fallback as configured now: where the alert goes if the primary gives up. */
  configuredFallback: ChannelRow | null;
}

/** Null when something it needs is gone (the channel, incident or monitor was deleted meanwhile). */
export async function loadDelivery(db: Db, id: string): Promise<LoadedDelivery | null> {
  const delivery = await findDelivery(db, id);
  if (!delivery) return null;
  const [event, incident, channel] = await Promise.all([
    findIncidentEvent(db, delivery.eventId),
    findIncident(db, delivery.incidentId),
    findChannel(db, delivery.channelId),
  ]);
  const monitor = incident ? await findMonitor(db, incident.monitorId) : undefined;
  if (!event || !incident || !channel || !monitor) return null;
  const [engagedFallback, configuredFallback] = await Promise.all([
    delivery.fallbackChannelId ? findChannel(db, delivery.fallbackChannelId) : undefined,
    channel.fallbackChannelId ? findChannel(db, channel.fallbackChannelId) : undefined,
  ]);
  return {
    delivery,
    event,
    incident,
    monitor,
    channel,
    engagedFallback: engagedFallback ?? null,
    configuredFallback: configuredFallback ?? null,
  };
}
