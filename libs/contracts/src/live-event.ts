import { z } from 'zod';
import { alertDeliverySchema } from './alert';
import { checkResultSchema } from './check-result';
import { domainStatusSchema } from './domain';
import { incidentSchema } from './incident';
import { heartbeatStateSchema } from './monitor-kinds/heartbeat-monitor';
import { monitorSchema, monitorStateSchema } from './monitor';
import { notificationSchema } from './notification';
import { tlsStatusSchema } from './tls';

/**
 * What the worker and the api tell dashboards, over Redis pub/sub or PostgreSQL NOTIFY and then SSE.
 * Each event carries what changed, whole (a monitor's state, a result, an incident), so a client never needs a
 * follow-up query.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  /** A monitor created or edited (or its configuration otherwise changed): the whole monitor. */
  z.object({ type: z.literal('monitor.status'), monitor: monitorSchema }),
  /** A check (or the watchdog) moved a monitor's state: the state alone, patched into the monitor a client holds. */
  z.object({ type: z.literal('monitor.state'), state: monitorStateSchema }),
  z.object({ type: z.literal('check.result'), result: checkResultSchema }),
  z.object({ type: z.literal('incident'), incident: incidentSchema }),
  z.object({ type: z.literal('monitor.deleted'), monitorId: z.uuid() }),
  /**
   * Pings reached a heartbeat without a new verdict (a start, a ping in a slot already answered, a log line):
   * its times now, so the countdown moves and the ping log can grow without the whole monitor resent.
   */
  z.object({
    type: z.literal('heartbeat.ping'),
    monitorId: z.uuid(),
    lastPingAt: heartbeatStateSchema.lastPingAt,
    expectedAt: heartbeatStateSchema.expectedAt,
    deadlineAt: heartbeatStateSchema.deadlineAt,
    runStartedAt: heartbeatStateSchema.runStartedAt,
  }),
  /** A new entry in the notification centre (the in-app channel). */
  z.object({ type: z.literal('notification'), notification: notificationSchema }),
  /** An alert delivery was queued, tried, delivered, dead-lettered or retried. */
  z.object({ type: z.literal('alert.delivery'), delivery: alertDeliverySchema }),
  /** A dead letter was discarded: its row is gone, and its incident's timeline has a line more. */
  z.object({ type: z.literal('alert.discarded'), deliveryId: z.uuid(), incidentId: z.uuid() }),
  /** A certificate check finished: the monitor's whole certificate lane, every address. */
  z.object({ type: z.literal('tls.status'), status: tlsStatusSchema }),
  /** A domain lookup finished (or its cached answer was re-read) for this monitor. */
  z.object({ type: z.literal('domain.status'), status: domainStatusSchema }),
  /** A status page was created, edited or deleted: public listeners drop what they hold of it. */
  z.object({ type: z.literal('status-page.changed'), pageId: z.uuid(), slug: z.string() }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
