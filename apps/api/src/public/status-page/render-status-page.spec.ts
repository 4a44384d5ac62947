// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PAGE_OVERALL_STATES, type BucketState, type PageOverallState } from '@mini-netumo/contracts';
import { renderStatusPageHtml } from './render-status-page';
import { all, parseHtml } from '../spec-dom';
import { fixtureDays, fixtureId, incidentFixture, maintenanceFixture, monitorFixture, statusPageFixture } from './status-page-fixture';
import { STATUS_PAGE_CSS } from './status-page-css';

const LINKS = { scriptPath: '/status/acme/live.js', summaryPath: '/status/acme/summary.json', feedPath: '/status/acme/feed.atom' };
const HOSTILE = '<script>alert(1)</script>';

describe('renderStatusPageHtml: the document', () => {
  const html = renderStatusPageHtml(statusPageFixture({ description: 'Fast & "reliable"' }), LINKS);
  const doc = parseHtml(html);

  it('is a complete English document that fits a phone and both colour schemes', () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(doc.title).toBe('Acme status');
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
  });

  it('carries the stylesheet as the exact text a CSP hash was taken of, and nothing else inline', () => {
    expect(html.split('<style>')).toHaveLength(2);
    expect(html).toContain(`<style>${STATUS_PAGE_CSS}</style>`);
    const scripts = all(doc, 'script');
    expect(scripts.map((script) => [script.getAttribute('src'), script.hasAttribute('defer'), script.textContent])).toEqual([
      [LINKS.scriptPath, true, ''],
    ]);
  });

  it('styles itself with nothing fetched, both colour schemes, and no motion to reduce', () => {
    expect(STATUS_PAGE_CSS).not.toMatch(/@import|url\(|@font-face/);
    expect(STATUS_PAGE_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(STATUS_PAGE_CSS).not.toMatch(/transition|animation/);
  });

  it('has no style or event-handler attributes anywhere', () => {
    const attributes = all(doc, '*').flatMap((element) => Array.from(element.attributes).map((attribute) => attribute.name));
    expect(attributes.filter((name) => name === 'style' || name.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it('links the feed and the summary by the absolute paths it is given', () => {
    expect(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe(LINKS.feedPath);
    expect(all(doc, 'footer a').map((link) => link.getAttribute('href'))).toEqual([LINKS.feedPath, LINKS.summaryPath]);
    expect(doc.querySelector('footer')?.textContent).toContain('Powered by mini-netumo');
  });

  it('escapes the description in the page and in its meta tag', () => {
    expect(html).toContain('<p class="description">Fast &amp; &quot;reliable&quot;</p>');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Fast & "reliable"');
  });

  it('says when it was drawn, in UTC until the live script localises it', () => {
    expect(doc.querySelector('.updated')?.textContent).toBe('Updated 2026-12-07 14:05 UTC');
    expect(doc.querySelector('.updated time')?.getAttribute('datetime')).toBe('2026-12-07T14:05:00.000Z');
  });
});

describe('renderStatusPageHtml: overall state', () => {
  const TEXT: Record<PageOverallState, string> = {
    operational: 'All systems operational',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
    maintenance: 'Under maintenance',
    unknown: 'Status unknown',
  };

  it.each(PAGE_OVERALL_STATES)('%s has its words and class', (overall) => {
    const banner = parseHtml(renderStatusPageHtml(statusPageFixture({ overall }), LINKS)).querySelector('.banner');
    expect(banner?.classList.contains(`overall-${overall}`)).toBe(true);
    expect(banner?.querySelector('.banner-text')?.textContent).toBe(TEXT[overall]);
  });
});

describe('renderStatusPageHtml: user-typed text', () => {
  it('never reaches the page as markup', () => {
    const page = statusPageFixture({
      title: HOSTILE,
      description: HOSTILE,
      groups: [{ name: HOSTILE, monitors: [monitorFixture({ name: HOSTILE, target: HOSTILE })] }],
      openIncidents: [incidentFixture({ title: HOSTILE, monitors: [HOSTILE] })],
      resolvedIncidents: [
        incidentFixture({ id: fixtureId(200), title: HOSTILE, state: 'resolved', resolvedAt: '2026-12-01T00:00:00.000Z' }),
      ],
      maintenance: [maintenanceFixture({ name: HOSTILE, monitors: [HOSTILE] })],
    });
    page.openIncidents[0].updates[0].message = `${HOSTILE}\n<img src=x onerror=alert(1)>`;
    const html = renderStatusPageHtml(page, LINKS);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(all(parseHtml(html), 'script')).toHaveLength(1);
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThanOrEqual(10);
  });
});

describe('renderStatusPageHtml: size', () => {
  const LONG_NAME = 'Customer API, Frankfurt region, primary endpoint'.padEnd(80, '.');
  const page = (stateOf: (day: number, monitor: number) => BucketState) => {
    const monitors = Array.from({ length: 100 }, (_, n) =>
      monitorFixture({
        id: fixtureId(n + 1),
        name: LONG_NAME,
        target: `https://api-${n + 1}.example.com/v1/health`,
        days: fixtureDays((day) => stateOf(day, n)),
      }),
    );
    return statusPageFixture({ groups: [0, 1, 2, 3].map((g) => ({ name: `Region ${g}`, monitors: monitors.slice(g * 25, g * 25 + 25) })) });
  };
  const kilobytes = (stateOf: (day: number, monitor: number) => BucketState) =>
    Buffer.byteLength(renderStatusPageHtml(page(stateOf), LINKS)) / 1_000;
  const MIX: readonly BucketState[] = ['up', 'down', 'up', 'none', 'up', 'unknown', 'up', 'maintenance'];

  it('stays well under 300 KB for 100 monitors × 90 days, however the days went', () => {
    expect(kilobytes(() => 'up')).toBeLessThan(200);
    // Every day's state changing: the most text the screen-reader summaries can hold.
    expect(kilobytes((day, monitor) => MIX[(day + monitor) % MIX.length])).toBeLessThan(300);
    expect(kilobytes(() => 'down')).toBeLessThan(300);
  });
});
