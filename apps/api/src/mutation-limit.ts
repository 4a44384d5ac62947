import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { isChange } from './is-change';
import { sendRestError } from './rest/rest-errors';

/**
 * Changes (tRPC mutations are POST, its queries GET; REST's POST, PUT, PATCH and DELETE) one client address may
 * make a minute on the admin listener, over tRPC and REST together. Over it: 429 with `Retry-After`, in the error
 * shape of the API asked, so the dashboard shows the sentence like any other refusal.
 */
export function mutationLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    skip: (req) => !isChange(req.method),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const message = `Too many changes from this address: at most ${perMinute} a minute. Try again shortly.`;
      if (req.baseUrl === '/api') sendRestError(res, 429, 'TOO_MANY_REQUESTS', message);
      else res.status(429).json({ error: { json: { message, code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } } } });
    },
  });
}
