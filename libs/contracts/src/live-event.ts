import { z } from 'zod';
import { checkResultSchema } from './check-result';
import { incidentSchema } from './incident';
import { monitorSchema } from './monitor';

/**
 * What the worker and the api tell dashboards, over Redis pub/sub or PostgreSQL NOTIFY and then SSE.
 * Each event carries the whole new object so a client never needs a follow-up query.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('monitor.status'), monitor: monitorSchema }),
  z.object({ type: z.literal('check.result'), result: checkResultSchema }),
  z.object({ type: z.literal('incident'), incident: incidentSchema }),
  z.object({ type: z.literal('monitor.deleted'), monitorId: z.uuid() }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
