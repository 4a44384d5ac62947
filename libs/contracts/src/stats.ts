import { z } from 'zod';
import { checkErrorKindSchema, checkResultSchema, checkVerdictSchema } from './check-result';
import { monitorStalenessSchema, monitorStatusSchema } from './monitor';
import { monitorKindSchema } from './monitor-kinds/monitor-kinds';
import { storableDate, storableText } from './storable-text';

const uuidField = (field: string) => z.uuid({ error: `${field} must be a monitor id (uuid)` });

/** Uptime in percent over the checks that could tell (unknown and maintenance excluded); null when there were none. */
const percent = z.number().min(0).max(100).nullable();

/**
 * One bar of a status strip: `none` means nothing was checked then (worker stopped, monitor new or paused);
 * `maintenance` means every check it holds was made in a maintenance window or was unknown.
 */
export const bucketStateSchema = z.enum(['up', 'down', 'unknown', 'maintenance', 'none']);
export type BucketState = z.infer<typeof bucketStateSchema>;

export const sparkPointSchema = z.object({
  bucketStart: z.date(),
  state: bucketStateSchema,
  avgLatencyMs: z.number().int().nullable(),
});
export type SparkPoint = z.infer<typeof sparkPointSchema>;

/** One row of the overview: everything the dashboard's first screen needs (sent as columns: see overviewSnapshotSchema). */
export const monitorSummarySchema = z.object({
  monitorId: z.uuid(),
  name: z.string(),
  kind: monitorKindSchema,
  /** What is watched, in one line (MONITOR_KIND_CONTRACTS[kind].describeTarget): a URL, `host:port`, `MX example.com`. */
  target: z.string(),
  status: monitorStatusSchema,
  /** As on the monitor: set while it is overdue, so the overview never shows a stale monitor as green. */
  stale: monitorStalenessSchema.nullable(),
  /** The last check's error, as on the monitor. */
  lastError: z.string().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastCheckedAt: z.date().nullable(),
  uptime24h: percent,
  uptime7d: percent,
  uptime30d: percent,
  sparkline24h: z.array(sparkPointSchema),
});
export type MonitorSummary = z.infer<typeof monitorSummarySchema>;

export const STATS_WINDOWS = ['24h', '7d', '30d', '90d', '1y'] as const;
export const statsWindowSchema = z.enum(STATS_WINDOWS, { error: `window must be one of ${STATS_WINDOWS.join(', ')}` });
export type StatsWindow = z.infer<typeof statsWindowSchema>;

export const monitorStatsInputSchema = z.object({
  monitorId: uuidField('monitorId'),
  window: statsWindowSchema.default('24h'),
});

export const seriesPointSchema = z.object({
  bucketStart: z.date(),
  checks: z.number().int(),
  /** Failures and unknowns count checks outside maintenance; `maintenance` counts the rest, whatever their verdict. */
  failures: z.number().int(),
  unknowns: z.number().int(),
  maintenance: z.number().int(),
  avgLatencyMs: z.number().int().nullable(),
  p95LatencyMs: z.number().int().nullable(),
  state: bucketStateSchema,
});

export const monitorStatsSchema = z.object({
  monitorId: z.uuid(),
  window: statsWindowSchema,
  uptime: z.object({ '24h': percent, '7d': percent, '30d': percent, '90d': percent, '1y': percent }),
  avgLatencyMs: z.object({ '1h': z.number().int().nullable(), '24h': z.number().int().nullable(), '7d': z.number().int().nullable() }),
  /** Over the requested window, from the rollups' histograms. */
  percentiles: z.object({ p50: z.number().int().nullable(), p95: z.number().int().nullable(), p99: z.number().int().nullable() }),
  errorRate: percent,
  checks: z.number().int(),
  /** Of `checks`, those made in a maintenance window. */
  maintenance: z.number().int(),
  /** Hourly points for 24h and 7d, daily beyond. */
  series: z.array(seriesPointSchema),
  /** One entry per UTC day, oldest first, always 90 long. */
  statusBar90d: z.array(z.object({ day: z.date(), state: bucketStateSchema, uptime: percent })),
});
export type MonitorStats = z.infer<typeof monitorStatsSchema>;

export const resultsListInputSchema = z.object({
  monitorId: uuidField('monitorId'),
  from: storableDate('from').optional(),
  to: storableDate('to').optional(),
  kind: checkErrorKindSchema.optional(),
  verdict: checkVerdictSchema.optional(),
  limit: z.number().int().min(1, { error: 'limit must be at least 1' }).max(1_000, { error: 'limit must be at most 1000' }).default(100),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z
    .string({ error: 'cursor must be text' })
    .check(storableText('cursor'))
    .max(200, { error: 'cursor must be at most 200 characters' })
    .optional(),
});
export type ResultsListInput = z.input<typeof resultsListInputSchema>;

/** `results.list`: a page, newest first; `nextCursor` asks for the next one, null on the last. */
export const resultsPageSchema = z.object({ items: z.array(checkResultSchema), nextCursor: z.string().nullable() });
export type ResultsPage = z.infer<typeof resultsPageSchema>;

export const statsExportInputSchema = z
  .object({
    monitorId: uuidField('monitorId'),
    what: z.enum(['results', 'hourly', 'daily'], { error: 'what must be results, hourly or daily' }),
    from: storableDate('from'),
    to: storableDate('to'),
  })
  .refine((input) => input.from < input.to, { error: 'from must be before to', path: ['from'] });

/** `stats.export`: the CSV text, which the dashboard offers as a download. */
export const statsExportSchema = z.object({ csv: z.string() });
