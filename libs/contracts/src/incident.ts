import { z } from 'zod';
import { limitField, offsetField } from './paging';
import { incidentUpdateSchema } from './incident-update';
import { storableText } from './storable-text';

/** down: the site failed its checks; tls and domain: a certificate or a registration close to expiry. */
export const INCIDENT_KINDS = ['down', 'tls', 'domain'] as const;
export const incidentKindSchema = z.enum(INCIDENT_KINDS, { error: `kind must be one of ${INCIDENT_KINDS.join(', ')}` });
/** open → acknowledged (someone is on it: reminders stop) → resolved (recovered, renewed, or by hand). */
export const INCIDENT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export const incidentStateSchema = z.enum(INCIDENT_STATES, { error: `state must be one of ${INCIDENT_STATES.join(', ')}` });
export type IncidentKind = z.infer<typeof incidentKindSchema>;
export type IncidentState = z.infer<typeof incidentStateSchema>;

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
  kind: incidentKindSchema.optional(),
  limit: limitField(500, 100),
  /** Rows to skip: the page is `offset` .. `offset + limit`, open incidents first, then newest first. */
  offset: offsetField(),
});
export type IncidentListInput = z.input<typeof incidentListInputSchema>;

/** How an incident ended: the check passed again, the certificate or domain was renewed, or a person closed it. */
export const RESOLVE_REASONS = ['recovered', 'renewed', 'manual'] as const;
export const resolveReasonSchema = z.enum(RESOLVE_REASONS);
export type ResolveReason = z.infer<typeof resolveReasonSchema>;

/**
 * One line of an incident's timeline. Notices (opened, acknowledged, resolved, reminder, flapping, settled) may
 * carry `suppressedBy` when nothing was sent: a maintenance window, flapping on hold, or an opening never announced.
 */
export const INCIDENT_EVENT_TYPES = [
  'opened',
  'acknowledged',
  'reminder',
  'flapping',
  'settled',
  'resolved',
  'notified',
  'notify_failed',
  'alert_discarded',
  // A public update posted, corrected or taken down: the note keeps the text as it was then.
  'update_posted',
  'update_edited',
  'update_deleted',
] as const;
export const incidentEventTypeSchema = z.enum(INCIDENT_EVENT_TYPES);
export type IncidentEventType = z.infer<typeof incidentEventTypeSchema>;

export const SUPPRESSIONS = ['maintenance', 'flapping', 'not_announced'] as const;
export const suppressionSchema = z.enum(SUPPRESSIONS);
export type Suppression = z.infer<typeof suppressionSchema>;

export const incidentEventSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  type: incidentEventTypeSchema,
  at: z.date(),
  /** Who did it (acknowledge, manual resolve); null for the system. */
  actor: z.string().nullable(),
  /** A resolve note, the reason, or what a delivery did. */
  note: z.string().nullable(),
  channelId: z.uuid().nullable(),
  suppressedBy: suppressionSchema.nullable(),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

/** `incidents.get`: the incident, its monitor, who acknowledged or resolved it, and the timeline oldest first. */
export const incidentDetailSchema = incidentSchema.extend({
  monitorName: z.string(),
  monitorUrl: z.string(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolveReason: resolveReasonSchema.nullable(),
  resolutionNote: z.string().nullable(),
  timeline: z.array(incidentEventSchema),
  /** The public updates as the status pages show them, oldest first. */
  updates: z.array(incidentUpdateSchema),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

const incidentId = z.uuid({ error: 'id must be an incident id (uuid)' });
const actor = z
  .string({ error: 'by must be text' })
  .check(storableText('by'))
  .trim()
  .max(100, { error: 'by must be at most 100 characters' })
  .optional();

export const incidentIdSchema = z.object({ id: incidentId });

const note = z
  .string({ error: 'note must be text' })
  .check(storableText('note'))
  .trim()
  .max(2_000, { error: 'note must be at most 2000 characters' })
  .optional();

/** Stops reminders; the channels that heard about the incident are told, with the note if there is one. */
export const incidentAcknowledgeInputSchema = z.object({ id: incidentId, by: actor, note });
export type IncidentAcknowledgeInput = z.input<typeof incidentAcknowledgeInputSchema>;

export const incidentResolveInputSchema = z.object({ id: incidentId, by: actor, note });
export type IncidentResolveInput = z.input<typeof incidentResolveInputSchema>;
