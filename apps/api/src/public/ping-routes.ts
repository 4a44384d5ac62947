import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { HeartbeatPingKind } from '@mini-netumo/contracts';
import { rateLimitedWarning, withTimeout, type HeartbeatIntake, type Logger } from '@mini-netumo/domain';
import { readPingBody } from './read-ping-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_AGENT_MAX = 500;

/** What the path after the key says: nothing (success), start, fail, log, or an exit status 0-255. */
function actionOf(action: string | undefined): { kind: HeartbeatPingKind; exitStatus: number | null } | null {
  if (action === undefined) return { kind: 'success', exitStatus: null };
  if (action === 'start' || action === 'fail' || action === 'log') return { kind: action, exitStatus: null };
  if (!/^\d{1,3}$/.test(action) || Number(action) > 255) return null;
  const exitStatus = Number(action);
  return { kind: exitStatus === 0 ? 'success' : 'fail', exitStatus };
}

const notFound = (res: Response): void => void res.status(404).type('text/plain').send('not found\n');

/**
 * Healthchecks-compatible ping routes, so existing scripts work: `/ping/<key>` success, `/start`, `/fail`,
 * `/log`, `/<exit status>`, with `?rid=<uuid>` pairing a start with its finish. GET, POST and HEAD. The answer
 * is 200 only once the ping is committed; an unknown key is a 404 that says nothing more; a database outage is
 * a 503 (the ping is not stored, and the sender's retry is welcome). Keys never reach a log.
 */
export interface PingRouteOptions {
  limitPerMinute: number;
  /**
   * A ping not stored within this is answered 503 (it may still be stored later: never a 200 for a ping that
   * was not). A hung database must not hang the job that pings; its curl retries.
   */
  answerWithinMs: number;
}

export function pingRoutes(intake: HeartbeatIntake, logger: Logger, options: PingRouteOptions): Router {
  const { limitPerMinute, answerWithinMs } = options;
  const router = Router();
  const failed = rateLimitedWarning(logger, 'could not store pings; answering 503');
  // Per key, before any database work: a runaway loop pinging one key cannot flood the table.
  const perKey = rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    keyGenerator: (req) => String(req.params['key']),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).type('text/plain').send('too many pings for this key; slow down\n');
    },
  });

  const handle = async (req: Request, res: Response): Promise<void> => {
    const action = actionOf(req.params['action'] as string | undefined);
    if (!action) return notFound(res);
    const rid = typeof req.query['rid'] === 'string' ? req.query['rid'] : undefined;
    if (rid !== undefined && !UUID.test(rid)) return void res.status(400).type('text/plain').send('rid must be a UUID\n');
    const { body, truncated } = req.method === 'POST' || req.method === 'PUT' ? await readPingBody(req) : { body: null, truncated: false };
    try {
      const received = intake.receive({
        key: String(req.params['key']),
        ...action,
        runId: rid?.toLowerCase() ?? null,
        method: req.method,
        sourceAddress: req.socket.remoteAddress ?? null,
        userAgent: req.get('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
        body,
        bodyTruncated: truncated,
        receivedAt: new Date(),
      });
      const answer = await withTimeout(received, answerWithinMs, 'storing a ping');
      if (answer === 'unknown') return notFound(res);
      res.status(200).type('text/plain').send('OK\n');
    } catch (error) {
      failed({ error: error instanceof Error ? error.message : String(error) });
      res.status(503).set('retry-after', '5').type('text/plain').send('could not store the ping; try again\n');
    }
  };
  router.get('/ping/:key{/:action}', perKey, handle);
  router.post('/ping/:key{/:action}', perKey, handle);
  router.put('/ping/:key{/:action}', perKey, handle);
  return router;
}
