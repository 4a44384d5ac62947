import { createHash } from 'node:crypto';
import type { PublicStatusPage } from '@mini-netumo/contracts';
import { renderAtomFeed } from '../status-page/render-atom-feed';
import { renderStatusPageHtml } from '../status-page/render-status-page';
import { STATUS_PAGE_CSS } from '../status-page/status-page-css';
import { STATUS_PAGE_SCRIPT } from '../status-page/status-page-script';
import { PUBLIC_CACHE_CONTROL } from './public-headers';
import { representation, type Representation } from './representation';

/** A page's three answers, drawn once per snapshot. */
export interface RenderedPage {
  html: Representation;
  json: Representation;
  atom: Representation;
}

/** Served beside every page; a slug never starts with `_`, so no page can take this address. */
export const STATUS_SCRIPT_PATH = '/status/_assets/live.js';

const STYLE_HASH = `'sha256-${createHash('sha256').update(STATUS_PAGE_CSS).digest('base64')}'`;
/** The page runs our one script and its one stylesheet, fetches only itself, and may not be framed. */
const PAGE_CSP = `default-src 'none'; style-src ${STYLE_HASH}; script-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
const SAFE = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export const statusScript: Representation = representation('text/javascript; charset=utf-8', STATUS_PAGE_SCRIPT, {
  ...SAFE,
  'cache-control': 'public, max-age=300',
});

/** `publicUrl`: the public listener's own address, for the feed's absolute links. */
export function pageRenderer(publicUrl: string): (page: PublicStatusPage) => RenderedPage {
  return (page) => {
    const base = `/status/${page.slug}`;
    const html = renderStatusPageHtml(page, {
      scriptPath: STATUS_SCRIPT_PATH,
      summaryPath: `${base}/summary.json`,
      feedPath: `${base}/feed.atom`,
    });
    const atom = renderAtomFeed(page, { selfUrl: `${publicUrl}${base}/feed.atom`, pageUrl: `${publicUrl}${base}` });
    const headers = { ...SAFE, 'cache-control': PUBLIC_CACHE_CONTROL };
    return {
      html: representation('text/html; charset=utf-8', html, {
        ...headers,
        'content-security-policy': PAGE_CSP,
        'x-frame-options': 'DENY',
      }),
      json: representation('application/json; charset=utf-8', JSON.stringify(page), { ...headers, 'access-control-allow-origin': '*' }),
      atom: representation('application/atom+xml; charset=utf-8', atom, headers),
    };
  };
}
