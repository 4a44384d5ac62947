import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusPageSlugSchema } from '@mini-netumo/contracts';
import { rateLimitedWarning, type Logger, type PublicSnapshots } from '@mini-netumo/domain';
import { parseBadgePath, parseWindow } from '../badges/badge-request';
import { answer, notFound } from '../plain-answer';
import { windowLimit } from '../window-limit';
import type { RenderedBadges } from './rendered-badges';
import { STATUS_SCRIPT_PATH, statusScript, type RenderedPage } from './rendered-page';
import { sendRepresentation, type Representation } from './representation';

/** `/status/<slug>`, `/status/<slug>/summary.json`, `/status/<slug>/feed.atom`; the slug is then held to the contract's rule. */
const STATUS_PATH = /^\/status\/([^/]+)(?:\/(summary\.json|feed\.atom))?\/?$/;
const PAGE_PARTS = { 'summary.json': 'json', 'feed.atom': 'atom' } as const;

export type PublicPageSnapshots = PublicSnapshots<RenderedPage, RenderedBadges>;

/**
 * Status pages and badges, from the snapshots in memory: no database work per viewer. Plain node:http like the
 * pings, since these are the public paths that may be hit by a crowd. Only GET and HEAD; an unknown slug, a
 * monitor on no page and any other path are the same bare 404. Returns false for a path it does not serve.
 */
export function createPublicPagesHandler(
  snapshots: PublicPageSnapshots,
  logger: Logger,
  options: { limitPerMinute: number },
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const unavailable = rateLimitedWarning(logger, 'could not build a public page; answering 503');
  // Per client address: the snapshots make a page cheap, but one client may not take the listener for itself.
  const perClient = windowLimit(options.limitPerMinute);

  const serve = (req: IncomingMessage, res: ServerResponse, find: () => Promise<Representation | null>) => {
    perClient(req.socket.remoteAddress ?? 'unknown')
      .then((retryAfter) => {
        if (retryAfter === null) return find();
        answer(res, 429, 'too many requests; slow down\n', { 'retry-after': String(retryAfter) });
        return undefined;
      })
      .then(
        (found) => {
          if (found === undefined) return;
          if (found) sendRepresentation(req, res, found);
          else notFound(res);
        },
        (error: unknown) => {
          unavailable({ error });
          if (!res.headersSent) answer(res, 503, 'temporarily unavailable; try again shortly\n', { 'retry-after': '10' });
        },
      );
  };

  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/status/') && !url.startsWith('/badge/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    const { pathname, searchParams } = new URL(url, 'http://public');
    if (pathname === STATUS_SCRIPT_PATH) {
      sendRepresentation(req, res, statusScript);
      return true;
    }
    const status = STATUS_PATH.exec(pathname);
    if (status && statusPageSlugSchema.safeParse(status[1]).success) {
      const [, slug = '', part] = status;
      const which = part ? PAGE_PARTS[part as keyof typeof PAGE_PARTS] : 'html';
      serve(req, res, async () => (await snapshots.page(slug))?.[which] ?? null);
      return true;
    }
    const badge = parseBadgePath(pathname, searchParams.get('metric') ?? undefined);
    const window = parseWindow(searchParams.get('window') ?? undefined);
    if (!badge || !window) {
      notFound(res);
      return true;
    }
    serve(req, res, async () => (await snapshots.badges(badge.monitorId))?.get(badge.metric, badge.format, window) ?? null);
    return true;
  };
}
