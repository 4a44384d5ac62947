import { z } from 'zod';
import { storableText } from './storable-text';

/** The states of a public incident update, as status pages everywhere name them. */
export const INCIDENT_UPDATE_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const incidentUpdateStateSchema = z.enum(INCIDENT_UPDATE_STATES, {
  error: `state must be one of ${INCIDENT_UPDATE_STATES.join(', ')}`,
});
export type IncidentUpdateState = z.infer<typeof incidentUpdateStateSchema>;

/** The words for each state, the same on the status pages and in the dashboard. */
export const INCIDENT_UPDATE_STATE_LABELS: Record<IncidentUpdateState, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

const message = z
  .string({ error: 'message must be text' })
  .check(storableText('message'))
  .trim()
  .min(1, { error: 'message is required' })
  .max(5_000, { error: 'message must be at most 5000 characters' });
const updateId = z.uuid({ error: 'updateId must be an incident update id (uuid)' });

/** What the world reads about an incident, on every status page listing its monitor. Posting `resolved` resolves it. */
export const incidentPostUpdateInputSchema = z.object({
  id: z.uuid({ error: 'id must be an incident id (uuid)' }),
  state: incidentUpdateStateSchema,
  message,
});
export type IncidentPostUpdateInput = z.input<typeof incidentPostUpdateInputSchema>;

/** Corrects an update; the timeline keeps what it said before. */
export const incidentEditUpdateInputSchema = z
  .object({ updateId, state: incidentUpdateStateSchema.optional(), message: message.optional() })
  .refine((input) => input.state !== undefined || input.message !== undefined, {
    error: 'give state or message to change',
    path: ['message'],
  });
export type IncidentEditUpdateInput = z.input<typeof incidentEditUpdateInputSchema>;

/** Takes an update off the pages; the timeline keeps that it was posted and removed. */
export const incidentDeleteUpdateInputSchema = z.object({ updateId });

export const incidentUpdateSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  state: incidentUpdateStateSchema,
  message: z.string(),
  postedAt: z.date(),
  editedAt: z.date().nullable(),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
