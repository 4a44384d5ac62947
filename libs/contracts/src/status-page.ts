import { z } from 'zod';
import { incidentUpdateStateSchema } from './incident-update';
import { bucketStateSchema } from './stats';
import { storableText } from './storable-text';

/** A page's address on the public listener: `/status/<slug>`. Lowercase so two pages never differ by case alone. */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .check(storableText(field))
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} must be at most ${max} characters` });

const monitorId = (field: string) => z.uuid({ error: `${field} must be a monitor id (uuid)` });

export const STATUS_PAGE_LIMITS = { groups: 20, monitorsPerGroup: 200, monitorsPerPage: 500 } as const;

export const statusPageSlugSchema = z
  .string({ error: 'slug must be text' })
  .check(storableText('slug'))
  .regex(SLUG_PATTERN, { error: 'slug must be 1–64 lowercase letters, digits or dashes, not starting or ending with a dash' });

export const statusPageGroupInputSchema = z.object({
  name: text('name', 80),
  monitorIds: z
    .array(monitorId('monitorIds'), { error: 'monitorIds must be a list of monitor ids' })
    .max(STATUS_PAGE_LIMITS.monitorsPerGroup, { error: `monitorIds must list at most ${STATUS_PAGE_LIMITS.monitorsPerGroup} monitors` }),
});
export type StatusPageGroupInput = z.input<typeof statusPageGroupInputSchema>;

const statusPageFields = {
  slug: statusPageSlugSchema,
  title: text('title', 120),
  description: z
    .string({ error: 'description must be text' })
    .check(storableText('description'))
    .trim()
    .max(2_000, { error: 'description must be at most 2000 characters' })
    .nullable(),
  /** Off by default: a page shows each monitor's URL or host only when it says so. */
  showTargets: z.boolean({ error: 'showTargets must be true or false' }),
  /** The name the world sees for a monitor on this page, by monitor id; the monitor's own name otherwise. */
  displayNames: z.record(monitorId('displayNames key'), text('displayNames value', 120), {
    error: 'displayNames must map monitor ids to names',
  }),
  groups: z
    .array(statusPageGroupInputSchema, { error: 'groups must be a list of { name, monitorIds }' })
    .min(1, { error: 'groups must hold at least one group' })
    .max(STATUS_PAGE_LIMITS.groups, { error: `groups must hold at most ${STATUS_PAGE_LIMITS.groups} groups` }),
};

type PageShape = { groups?: { monitorIds: string[] }[]; displayNames?: Record<string, string> };

/** A monitor once per page (its state would show twice), and display names only for monitors the page lists. */
function checkPageMonitors(page: PageShape, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  page.groups?.forEach((group, g) =>
    group.monitorIds.forEach((id, m) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['groups', g, 'monitorIds', m], message: `monitorIds: ${id} is already on this page` });
      seen.add(id);
    }),
  );
  if (seen.size > STATUS_PAGE_LIMITS.monitorsPerPage)
    ctx.addIssue({
      code: 'custom',
      path: ['groups'],
      message: `groups must list at most ${STATUS_PAGE_LIMITS.monitorsPerPage} monitors in all`,
    });
  if (!page.groups || !page.displayNames) return;
  for (const id of Object.keys(page.displayNames))
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['displayNames', id], message: `displayNames: ${id} is not on this page` });
}

export const statusPageInputSchema = z
  .object({
    ...statusPageFields,
    description: statusPageFields.description.default(null),
    showTargets: statusPageFields.showTargets.default(false),
    displayNames: statusPageFields.displayNames.default({}),
  })
  .superRefine(checkPageMonitors);
export type StatusPageInput = z.input<typeof statusPageInputSchema>;

/** Only the fields given change; groups and displayNames, when given, replace the page's own. */
export const statusPageUpdateInputSchema = z
  .object({
    id: z.uuid({ error: 'id must be a status page id (uuid)' }),
    ...statusPageFields,
  })
  .partial({ slug: true, title: true, description: true, showTargets: true, displayNames: true, groups: true })
  .superRefine(checkPageMonitors);
export type StatusPageUpdateInput = z.input<typeof statusPageUpdateInputSchema>;

export const statusPageIdSchema = z.object({ id: z.uuid({ error: 'id must be a status page id (uuid)' }) });

export const statusPageSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  showTargets: z.boolean(),
  displayNames: z.record(z.string(), z.string()),
  groups: z.array(z.object({ name: z.string(), monitorIds: z.array(z.uuid()) })),
  /** Where the world reads it: the public listener's `/status/<slug>`. */
  publicUrl: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StatusPage = z.infer<typeof statusPageSchema>;

// ---- What the public listener serves: plain JSON (ISO dates), nothing private ----

/** What a visitor is told about one monitor; `pending` means not checked yet. */
export const PUBLIC_MONITOR_STATES = ['up', 'down', 'unknown', 'maintenance', 'paused', 'pending'] as const;
export type PublicMonitorState = (typeof PUBLIC_MONITOR_STATES)[number];

/** The page's headline, worst first: any monitor down is an outage, all down a major one. */
export const PAGE_OVERALL_STATES = ['major_outage', 'partial_outage', 'maintenance', 'unknown', 'operational'] as const;
export type PageOverallState = (typeof PAGE_OVERALL_STATES)[number];

export const PUBLIC_UPTIME_WINDOWS = ['24h', '7d', '30d', '90d'] as const;
export type PublicUptimeWindow = (typeof PUBLIC_UPTIME_WINDOWS)[number];

const isoDate = z.string();
const percent = z.number().min(0).max(100).nullable();

export const publicMonitorSchema = z.object({
  /** The monitor's id: its badges live at `/badge/<id>/…`. */
  id: z.uuid(),
  name: z.string(),
  /** The URL or host, only when the page shows targets. */
  target: z.string().nullable(),
  state: z.enum(PUBLIC_MONITOR_STATES),
  /** Maintenance excluded, as on the dashboard. */
  uptime: z.object({ '24h': percent, '7d': percent, '30d': percent, '90d': percent }),
  /** 90 days, oldest first, by UTC day; `none` is a day with no data. */
  days: z.array(z.object({ date: z.string(), state: bucketStateSchema, uptime: percent })),
});
export type PublicMonitor = z.infer<typeof publicMonitorSchema>;

export const publicIncidentUpdateSchema = z.object({
  id: z.uuid(),
  state: incidentUpdateStateSchema,
  message: z.string(),
  postedAt: isoDate,
  editedAt: isoDate.nullable(),
});
export type PublicIncidentUpdate = z.infer<typeof publicIncidentUpdateSchema>;

export const publicIncidentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The public names of the page's monitors it concerns. */
  monitors: z.array(z.string()),
  /** The latest update's state; `investigating` until someone posts one, `resolved` once the incident is. */
  state: incidentUpdateStateSchema,
  openedAt: isoDate,
  resolvedAt: isoDate.nullable(),
  /** Newest first. */
  updates: z.array(publicIncidentUpdateSchema),
});
export type PublicIncident = z.infer<typeof publicIncidentSchema>;

export const publicMaintenanceSchema = z.object({
  name: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  inProgress: z.boolean(),
  /** The page's monitors it covers (all of them for a window over every monitor). */
  monitors: z.array(z.string()),
});
export type PublicMaintenance = z.infer<typeof publicMaintenanceSchema>;

/** `GET /status/<slug>/summary.json`, and what the HTML page and the feed are drawn from. */
export const publicStatusPageSchema = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  overall: z.enum(PAGE_OVERALL_STATES),
  generatedAt: isoDate,
  groups: z.array(z.object({ name: z.string(), monitors: z.array(publicMonitorSchema) })),
  openIncidents: z.array(publicIncidentSchema),
  /** Resolved in the last 90 days, newest first. */
  resolvedIncidents: z.array(publicIncidentSchema),
  /** In progress, or starting within 7 days. */
  maintenance: z.array(publicMaintenanceSchema),
});
export type PublicStatusPage = z.infer<typeof publicStatusPageSchema>;
