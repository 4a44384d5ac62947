import type { AlertDelivery, ChannelKind } from '@mini-netumo/contracts';
import type { AlertDeliveryRow, StoredAttempt } from './schema';

/** How many attempts a row keeps: enough to see a pattern, small enough for a live event (NOTIFY caps 8 kB). */
export const MAX_STORED_ATTEMPTS = 10;

export interface DeliveryViewRow {
  delivery: AlertDeliveryRow;
  monitorId: string;
  monitorName: string;
  channelName: string;
  channelKind: ChannelKind;
}

export function toAlertDelivery(row: DeliveryViewRow): AlertDelivery {
  const { delivery } = row;
  return {
    id: delivery.id,
    type: delivery.type,
    incidentId: delivery.incidentId,
    monitorId: row.monitorId,
    monitorName: row.monitorName,
    channelId: delivery.channelId,
    channelName: row.channelName,
    channelKind: row.channelKind,
    fallbackChannelId: delivery.fallbackChannelId,
    status: delivery.status,
    attempts: delivery.attempts.map(toAttempt),
    attemptCount: delivery.attemptCount,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
    deliveredAt: delivery.deliveredAt,
  };
}

const toAttempt = (attempt: StoredAttempt) => ({ ...attempt, at: new Date(attempt.at) });
