import { z } from 'zod';
import {
  incidentAcknowledgeInputSchema,
  incidentDeleteUpdateInputSchema,
  incidentEditUpdateInputSchema,
  incidentPostUpdateInputSchema,
  incidentUpdateSchema,
  incidentDetailSchema,
  incidentIdSchema,
  incidentListInputSchema,
  incidentResolveInputSchema,
  incidentSchema,
} from '@mini-netumo/contracts';
import {
  acknowledgeIncident,
  deleteIncidentUpdate,
  editIncidentUpdate,
  getIncidentDetail,
  listIncidents,
  postIncidentUpdate,
  resolveIncident,
} from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const incidentsRouter = router({
  /** Filter by monitor, state and kind; open ones first, then newest first; paged by limit/offset. */
  list: publicProcedure
    .meta({ rest: { method: 'GET', path: '/incidents', summary: 'Incidents, newest first' } })
    .input(incidentListInputSchema)
    .output(z.array(incidentSchema))
    .query(({ ctx, input }) => listIncidents(ctx, input)),
  /** The incident with its monitor, acknowledgement, resolution and timeline. */
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/incidents/{id}', summary: 'One incident with its timeline and public updates' } })
    .input(incidentIdSchema)
    .output(incidentDetailSchema)
    .query(({ ctx, input }) => getIncidentDetail(ctx, input.id)),
  /** Stops reminders; the channels that heard about it are told, with the note. CONFLICT when already resolved. */
  acknowledge: publicProcedure
    .meta({ rest: { method: 'POST', path: '/incidents/{id}/acknowledge', summary: 'Acknowledge an incident (stops reminders)' } })
    .input(incidentAcknowledgeInputSchema)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => acknowledgeIncident(ctx, input.id, { by: input.by, note: input.note })),
  /** Closes it by hand with an optional note; the channels that heard about it are told. */
  resolve: publicProcedure
    .meta({ rest: { method: 'POST', path: '/incidents/{id}/resolve', summary: 'Resolve an incident by hand' } })
    .input(incidentResolveInputSchema)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => resolveIncident(ctx, input.id, { by: input.by, note: input.note })),
  /** A public update, shown on every status page listing the incident's monitor; `resolved` resolves the incident. */
  postUpdate: publicProcedure
    .meta({ rest: { method: 'POST', path: '/incidents/{id}/updates', summary: 'Post a public update on an incident', status: 201 } })
    .input(incidentPostUpdateInputSchema)
    .output(incidentUpdateSchema)
    .mutation(({ ctx, input }) => postIncidentUpdate(ctx, input)),
  /** Corrects an update; the timeline keeps what it said before. */
  editUpdate: publicProcedure
    .meta({ rest: { method: 'PATCH', path: '/incident-updates/{updateId}', summary: 'Edit a public update' } })
    .input(incidentEditUpdateInputSchema)
    .output(incidentUpdateSchema)
    .mutation(({ ctx, input }) => editIncidentUpdate(ctx, input)),
  /** Takes an update off the pages; the timeline keeps it. */
  deleteUpdate: publicProcedure
    .meta({ rest: { method: 'DELETE', path: '/incident-updates/{updateId}', summary: 'Delete a public update', status: 204 } })
    .input(incidentDeleteUpdateInputSchema)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => deleteIncidentUpdate(ctx, input.updateId)),
});
