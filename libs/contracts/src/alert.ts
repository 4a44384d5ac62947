import { z } from 'zod';
import { limitField, offsetField } from './paging';
import { channelKindSchema } from './channels/channel-configs';

/**
 * pending: queued, not tried yet; failed: the last attempt failed and another is scheduled (on the fallback
 * channel once the primary gave up); delivered; dead: every attempt failed, waiting for a person to retry it.
 */
export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered', 'dead'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES, { error: `status must be one of ${DELIVERY_STATUSES.join(', ')}` });
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * What an alert says: the incident opened or resolved, a reminder, a flapping notice, that flapping settled,
 * or that someone acknowledged it (sent only to the channels already told about the incident).
 */
export const ALERT_TYPES = ['opened', 'resolved', 'reminder', 'flapping', 'settled', 'acknowledged'] as const;
export const alertTypeSchema = z.enum(ALERT_TYPES);
export type AlertType = z.infer<typeof alertTypeSchema>;

/** One try to hand an alert to a provider. */
export const deliveryAttemptSchema = z.object({
  at: z.date(),
  channelId: z.uuid(),
  /** True when this try went to the fallback channel. */
  fallback: z.boolean(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  /** The provider's answer or the network error, secrets removed. */
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** One alert (an incident event) on its way to one channel, with every attempt. */
export const alertDeliverySchema = z.object({
  id: z.uuid(),
  type: alertTypeSchema,
  incidentId: z.uuid(),
  monitorId: z.uuid(),
  monitorName: z.string(),
  channelId: z.uuid(),
  channelName: z.string(),
  channelKind: channelKindSchema,
  /** Set once the primary channel gave up and the fallback took over. */
  fallbackChannelId: z.uuid().nullable(),
  status: deliveryStatusSchema,
  /** The latest attempts, oldest first (at most 10 are kept); attemptCount counts them all. */
  attempts: z.array(deliveryAttemptSchema),
  attemptCount: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deliveredAt: z.date().nullable(),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;

const optionalId = (field: string, what: string) => z.uuid({ error: `${field} must be a ${what} id (uuid)` }).optional();

export const alertListInputSchema = z.object({
  status: deliveryStatusSchema.optional(),
  incidentId: optionalId('incidentId', 'incident'),
  channelId: optionalId('channelId', 'channel'),
  monitorId: optionalId('monitorId', 'monitor'),
  limit: limitField(500, 100),
  offset: offsetField(),
});
export type AlertListInput = z.input<typeof alertListInputSchema>;

export const alertIdSchema = z.object({ id: z.uuid({ error: 'id must be an alert id (uuid)' }) });

/** `alerts.discard`: the dead letter that is gone. */
export const alertDiscardedSchema = z.object({ id: z.uuid() });
