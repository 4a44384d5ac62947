import { z } from 'zod';

/**
 * Whether monitoring itself is keeping up: how many active monitors are overdue (no result past their
 * interval plus a margin), above what count that is degraded, and when a worker's watchdog last looked.
 */
export const monitoringHealthSchema = z.object({
  ok: z.boolean(),
  overdue: z.number().int(),
  /** More overdue monitors than this makes the whole health not ok. */
  threshold: z.number().int(),
  /** The last watchdog sweep of any worker; null when no worker ever ran one. */
  watchdogSeenAt: z.date().nullable(),
  /** Schedules the watchdog re-created since the database was made. */
  repairs: z.number().int(),
  /** Why it is not ok, in a sentence; absent when ok. */
  problem: z.string().optional(),
});
export type MonitoringHealth = z.infer<typeof monitoringHealthSchema>;

/** Reachability of what the product depends on, as `system.health` and `GET /health` report it. */
export const healthSchema = z.object({
  ok: z.boolean(),
  database: z.object({ ok: z.boolean(), error: z.string().optional() }),
  queue: z.object({ ok: z.boolean(), backend: z.enum(['redis', 'postgres']), error: z.string().optional() }),
  monitoring: monitoringHealthSchema,
});
export type Health = z.infer<typeof healthSchema>;
