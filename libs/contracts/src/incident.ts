import { z } from 'zod';

export const INCIDENT_KINDS = ['down'] as const;
export const incidentKindSchema = z.enum(INCIDENT_KINDS);
export const INCIDENT_STATES = ['open', 'resolved'] as const;
export const incidentStateSchema = z.enum(INCIDENT_STATES);

/** A stretch of trouble of one kind on one monitor, opened by a transition and closed by recovery. */
export const incidentSchema = z.object({
  id: z.uuid(),
  monitorId: z.uuid(),
  kind: incidentKindSchema,
  state: incidentStateSchema,
  openedAt: z.date(),
  resolvedAt: z.date().nullable(),
  cause: z.string().nullable(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListInputSchema = z.object({
  monitorId: z.uuid({ error: 'monitorId must be a monitor id (uuid)' }).optional(),
  state: incidentStateSchema.optional(),
  limit: z
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(500, { error: 'limit must be at most 500' })
    .default(100),
});
export type IncidentListInput = z.input<typeof incidentListInputSchema>;
