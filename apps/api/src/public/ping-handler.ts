import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeartbeatPingKind } from '@mini-netumo/contracts';
import { rateLimitedWarning, withTimeout, type HeartbeatIntake, type Logger } from '@mini-netumo/domain';
import { answer, internalError, notFound } from './plain-answer';
import { readPingBody } from './read-ping-body';
import { windowLimit } from './window-limit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_AGENT_MAX = 500;
/** `/ping/<key>`, `/ping/<key>/<action>`, an optional trailing slash, then the query. */
const PING_PATH = /^\/ping\/([^/?#]+)(?:\/([^/?#]+))?\/?(?:\?([^#]*))?$/;
const PING_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT']);

/** What the path after the key says: nothing (success), start, fail, log, or an exit status 0-255. */
function actionOf(action: string | undefined): { kind: HeartbeatPingKind; exitStatus: number | null } | null {
  if (action === undefined) return { kind: 'success', exitStatus: null };
  if (action === 'start' || action === 'fail' || action === 'log') return { kind: action, exitStatus: null };
  if (!/^\d{1,3}$/.test(action) || Number(action) > 255) return null;
  const exitStatus = Number(action);
  return { kind: exitStatus === 0 ? 'success' : 'fail', exitStatus };
}

export interface PingHandlerOptions {
  limitPerMinute: number;
  /**
   * A ping not stored within this is answered 503 (it may still be stored later: never a 200 for a ping that
   * was not). A hung database must not hang the job that pings; its curl retries.
   */
  answerWithinMs: number;
}

/**
 * Healthchecks-compatible pings, so existing scripts work: `/ping/<key>` success, `/start`, `/fail`, `/log`,
 * `/<exit status>`, with `?rid=<uuid>` pairing a start with its finish. GET, HEAD, POST and PUT. The answer is
 * 200 only once the ping is committed; an unknown key is a 404 that says nothing more; a database outage is a
 * 503 (the ping is not stored, and the sender's retry is welcome). Keys never reach a log.
 *
 * Plain node:http rather than an Express route: pings are the one public path that comes by the thousand a
 * second, and in the bench's CPU profile Express's routing, its response helpers and the rate-limit
 * middleware's per-request work (request.ip, a hashed policy header) took about a fifth of each ping. The
 * limit keeps express-rate-limit's own store. Returns false for any other path, for the caller to serve.
 */
export function createPingHandler(
  intake: HeartbeatIntake,
  logger: Logger,
  options: PingHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { limitPerMinute, answerWithinMs } = options;
  const failed = rateLimitedWarning(logger, 'could not store pings; answering 503');
  // Per key, before any database work: a runaway loop pinging one key cannot flood the table.
  const perKey = windowLimit(limitPerMinute);

  const handle = async (req: IncomingMessage, res: ServerResponse, key: string, path: { action?: string; query?: string }) => {
    const retryAfter = await perKey(key);
    if (retryAfter !== null) return answer(res, 429, 'too many pings for this key; slow down\n', { 'retry-after': String(retryAfter) });
    const action = actionOf(path.action);
    if (!action) return notFound(res);
    const rid = path.query ? (new URLSearchParams(path.query).get('rid') ?? undefined) : undefined;
    if (rid !== undefined && !UUID.test(rid)) return answer(res, 400, 'rid must be a UUID\n');
    const { body, truncated } = req.method === 'POST' || req.method === 'PUT' ? await readPingBody(req) : { body: null, truncated: false };
    try {
      const received = intake.receive({
        key,
        ...action,
        runId: rid?.toLowerCase() ?? null,
        method: req.method ?? 'GET',
        sourceAddress: req.socket.remoteAddress ?? null,
        userAgent: req.headers['user-agent']?.slice(0, USER_AGENT_MAX) ?? null,
        body,
        bodyTruncated: truncated,
        receivedAt: new Date(),
      });
      const stored = await withTimeout(received, answerWithinMs, 'storing a ping');
      if (stored === 'unknown') return notFound(res);
      answer(res, 200, 'OK\n');
    } catch (error) {
      failed({ error: error instanceof Error ? error.message : String(error) });
      answer(res, 503, 'could not store the ping; try again\n', { 'retry-after': '5' });
    }
  };

  return (req, res) => {
    const match = PING_PATH.exec(req.url ?? '');
    if (!match || !PING_METHODS.has(req.method ?? '')) return false;
    const [, key = '', action, query] = match;
    handle(req, res, key, { action, query }).catch((error: unknown) => {
      logger.warn('ping request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) internalError(res);
    });
    return true;
  };
}
