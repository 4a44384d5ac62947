import { z } from 'zod';

/** Reachability of what the product depends on, as `system.health` and `GET /health` report it. */
export const healthSchema = z.object({
  ok: z.boolean(),
  database: z.object({ ok: z.boolean(), error: z.string().optional() }),
  queue: z.object({ ok: z.boolean(), backend: z.enum(['redis', 'postgres']), error: z.string().optional() }),
});
export type Health = z.infer<typeof healthSchema>;
