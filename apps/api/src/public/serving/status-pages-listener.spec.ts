import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicStatusPageSchema, type Monitor } from '@mini-netumo/contracts';
import { recordVerdicts, useRouterHarness } from '@mini-netumo/api/testing';
import { createHeartbeatIntake, createLogger, createMaintenanceCache } from '@mini-netumo/domain';
import { listenOnLoopback, waitFor, type LoopbackServer } from '@mini-netumo/domain/testing';
import { createPublicServer } from '../create-public-server';
import { openPublicPages } from './open-public-pages';
import type { PublicPageSnapshots } from './public-pages-handler';

const logger = createLogger('test');
const HOSTILE = '<script>alert(1)</script>';
/** Requests one client may make a minute: enough for every test here but the last, which spends the rest. */
const PAGE_LIMIT = 300;

/** The public listener's status pages and badges as a visitor's browser sees them: real server, real PostgreSQL. */
describe('public listener: status pages and badges', () => {
  const api = useRouterHarness();
  let server: LoopbackServer;
  let base: string;
  let snapshots: PublicPageSnapshots;
  let shop: Monitor;
  let hostile: Monitor;
  let hidden: Monitor;

  beforeAll(async () => {
    snapshots = await openPublicPages(api.ctx, 'http://status.test');
    const intake = createHeartbeatIntake(api.ctx, createMaintenanceCache(api.ctx));
    server = await listenOnLoopback(
      createPublicServer({ intake, snapshots, logger, settings: { pingRateLimitPerMinute: 10, pageRateLimitPerMinute: PAGE_LIMIT } }),
    );
    base = server.base;

    shop = await api.caller.monitors.create({ name: 'shop-internal', url: 'http://127.0.0.1:9/private-path' });
    hostile = await api.caller.monitors.create({ name: HOSTILE, url: 'http://127.0.0.1:9/other' });
    hidden = await api.caller.monitors.create({ name: 'not on any page', url: 'http://127.0.0.1:9/hidden' });
    await recordVerdicts(api, shop.id, ['down', 'down']);
    await recordVerdicts(api, hostile.id, ['up']);
    await api.caller.statusPages.create({
      slug: 'acme',
      title: 'Acme & Co status',
      groups: [{ name: 'Storefront', monitorIds: [shop.id, hostile.id] }],
      displayNames: { [shop.id]: 'Shop' },
    });
  });

  afterAll(async () => {
    await server?.close();
    await snapshots?.close();
  });

  it('serves the page as HTML that names its monitors publicly, escapes what users typed and hides targets', async () => {
    const response = await fetch(`${base}/status/acme`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('Acme &amp; Co status');
    expect(html).toContain('Shop');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE);
    // The page's own name for the monitor, never its private one, its URL or its error.
    expect(html).not.toContain('shop-internal');
    expect(html).not.toContain('private-path');
    expect(html).not.toContain('HTTP 503');
    expect(html).not.toContain('not on any page');
  });

  it('serves summary.json by the contract, with the outage as an open incident', async () => {
    const summary = publicStatusPageSchema.parse(await (await fetch(`${base}/status/acme/summary.json`)).json());
    expect(summary.overall).toBe('partial_outage');
    expect(summary.groups[0]?.monitors.map((monitor) => [monitor.name, monitor.state, monitor.target])).toEqual([
      ['Shop', 'down', null],
      [HOSTILE, 'up', null],
    ]);
    expect(summary.groups[0]?.monitors[0]?.days).toHaveLength(90);
    expect(summary.openIncidents.map((incident) => [incident.title, incident.state])).toEqual([['Shop unavailable', 'investigating']]);
  });

  it('answers a repeated visit with 304 by its ETag, and gzip when asked', async () => {
    const first = await fetch(`${base}/status/acme`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age=30');
    const again = await fetch(`${base}/status/acme`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('shows a public incident update and its resolution on the page and in the feed', async () => {
    const [incident] = await api.caller.incidents.list({ monitorId: shop.id });
    if (!incident) throw new Error('no incident on the shop');
    await api.caller.incidents.postUpdate({ id: incident.id, state: 'identified', message: 'A <b>disk</b> filled up.' });
    const page = await waitForPart('', (html) => html.includes('A &lt;b&gt;disk&lt;/b&gt; filled up.'));
    expect(page).not.toContain('<b>disk</b>');

    await api.caller.incidents.postUpdate({ id: incident.id, state: 'resolved', message: 'Space freed; all good.' });
    const summary = publicStatusPageSchema.parse(JSON.parse(await waitForPart('summary.json', (text) => text.includes('Space freed'))));
    expect(summary.openIncidents).toEqual([]);
    expect(summary.resolvedIncidents[0]?.state).toBe('resolved');
    expect(summary.resolvedIncidents[0]?.updates.map((update) => update.state)).toEqual(['resolved', 'identified']);
    const feed = await (await fetch(`${base}/status/acme/feed.atom`)).text();
    expect(feed).toContain(`urn:uuid:${incident.id}`);
    expect(feed).toContain('Space freed; all good.');
  });

  it('serves badges only for monitors on a page', async () => {
    const badge = await fetch(`${base}/badge/${shop.id}/status.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toContain('image/svg+xml');
    expect(await badge.text()).toMatch(/<svg[^>]*>[\s\S]*down[\s\S]*<\/svg>/);
    const shields = (await (await fetch(`${base}/badge/${hostile.id}/shields.json?metric=uptime&window=7d`)).json()) as Record<
      string,
      unknown
    >;
    expect(shields).toMatchObject({ schemaVersion: 1, label: 'uptime 7d', message: '100%' });
    expect((await fetch(`${base}/badge/${hidden.id}/status.svg`)).status).toBe(404);
    expect((await fetch(`${base}/badge/${shop.id}/uptime.svg?window=1y`)).status).toBe(404);
  });

  it('says nothing more for what is not there, and nothing private is reachable', async () => {
    for (const path of ['/status/nope', '/status/ACME', '/status/acme/../../trpc', '/trpc/monitors.list', '/badge/not-an-id/status.svg']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('not found\n');
    }
    expect((await fetch(`${base}/status/acme`, { method: 'POST' })).status).toBe(405);
  });

  it('takes a page off the public listener when it is deleted or renamed', async () => {
    const page = await api.caller.statusPages.create({
      slug: 'gone-soon',
      title: 'Soon gone',
      groups: [{ name: 'All', monitorIds: [shop.id] }],
    });
    expect((await fetch(`${base}/status/gone-soon`)).status).toBe(200);
    await api.caller.statusPages.update({ id: page.id, slug: 'moved' });
    await waitForStatus('/status/gone-soon', 404);
    expect((await fetch(`${base}/status/moved`)).status).toBe(200);
    await api.caller.statusPages.delete({ id: page.id });
    await waitForStatus('/status/moved', 404);
  });

  it('answers 429 with Retry-After once one client has spent its minute', async () => {
    let answer = await fetch(`${base}/status/acme/summary.json`);
    for (let i = 0; i < PAGE_LIMIT && answer.status !== 429; i++) answer = await fetch(`${base}/badge/${shop.id}/status.svg`);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await answer.text()).toBe('too many requests; slow down\n');
  });

  /** Live events reach the snapshots through the bus: a change shows within a couple of seconds, not 30. */
  const waitForPart = (part: string, done: (text: string) => boolean): Promise<string> =>
    waitFor(`status/acme/${part} to show the change`, async () => {
      const text = await (await fetch(`${base}/status/acme/${part}`)).text();
      return done(text) && text;
    });

  const waitForStatus = (path: string, status: number): Promise<boolean> =>
    waitFor(`${path} to answer ${status}`, async () => (await fetch(`${base}${path}`)).status === status);
});
