import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * tRPC mutations (POST; queries are GET) one client address may make a minute on the admin listener. Over it: 429
 * with `Retry-After`, in tRPC's error shape so the dashboard shows the sentence like any other refusal.
 */
export function mutationLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    skip: (req) => req.method !== 'POST',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const message = `Too many changes from this address: at most ${perMinute} a minute. Try again shortly.`;
      res.status(429).json({ error: { json: { message, code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } } } });
    },
  });
}
