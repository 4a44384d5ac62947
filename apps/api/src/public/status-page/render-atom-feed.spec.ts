// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderAtomFeed } from './render-atom-feed';
import { all, parseXml } from '../spec-dom';
import { FIXTURE_NOW, fixtureId, incidentFixture, statusPageFixture } from './status-page-fixture';

const LINKS = { selfUrl: 'https://status.example.com/status/acme/feed.atom', pageUrl: 'https://status.example.com/status/acme' };
const HOSTILE = '<script>alert(1)</script> & "friends"\u0007';

const resolved = incidentFixture({
  id: fixtureId(200),
  title: 'DNS outage',
  state: 'resolved',
  openedAt: '2026-11-20T08:00:00.000Z',
  resolvedAt: '2026-11-20T09:00:00.000Z',
  updates: [{ id: fixtureId(201), state: 'resolved', message: 'Fixed.', postedAt: '2026-11-20T08:59:00.000Z', editedAt: null }],
});
const page = statusPageFixture({ title: 'Acme & co', openIncidents: [incidentFixture()], resolvedIncidents: [resolved] });

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(page, LINKS);
  const feed = parseXml(xml);

  it('is a well-formed Atom 1.0 feed that names itself and the page', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(feed.documentElement.tagName).toBe('feed');
    expect(feed.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(feed.querySelector('feed > id')?.textContent).toBe(LINKS.selfUrl);
    expect(feed.querySelector('feed > title')?.textContent).toBe('Acme & co');
    expect(feed.querySelector('feed > author > name')?.textContent).toBe('Acme & co');
    expect(feed.querySelector('feed > link[rel="self"]')?.getAttribute('href')).toBe(LINKS.selfUrl);
    expect(feed.querySelector('feed > link[rel="alternate"]')?.getAttribute('href')).toBe(LINKS.pageUrl);
  });

  it('has one entry per incident, open and resolved, latest activity first', () => {
    const entries = all(feed, 'entry');
    expect(entries.map((entry) => entry.querySelector('id')?.textContent)).toEqual([
      `urn:uuid:${fixtureId(100)}`,
      `urn:uuid:${fixtureId(200)}`,
    ]);
    expect(entries.map((entry) => entry.querySelector('updated')?.textContent)).toEqual([
      '2026-12-07T13:10:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ]);
    expect(feed.querySelector('feed > updated')?.textContent).toBe('2026-12-07T13:10:00.000Z');
  });

  it('carries the updates as escaped HTML, newest first, marking edits', () => {
    const content = feed.querySelector('entry content');
    expect(content?.getAttribute('type')).toBe('html');
    const html = content?.textContent ?? '';
    expect(html.indexOf('Identified</strong>')).toBeLessThan(html.indexOf('Investigating</strong>'));
    expect(html).toContain('(edited 2026-12-07 13:10 UTC)<br>A bad deploy.<br>Rolling back.');
  });

  it('stays well-formed and inert whatever was typed', () => {
    const hostile = statusPageFixture({
      title: HOSTILE,
      description: HOSTILE,
      openIncidents: [incidentFixture({ title: HOSTILE, monitors: [HOSTILE] })],
    });
    hostile.openIncidents[0].updates[0].message = HOSTILE;
    const text = renderAtomFeed(hostile, LINKS);
    const parsed = parseXml(text);
    expect(text).not.toContain('<script');
    expect(parsed.querySelector('entry title')?.textContent).toBe('<script>alert(1)</script> & "friends"\uFFFD');
    // Escaped twice: once as HTML for the reader, once as XML for the feed.
    expect(parsed.querySelector('entry content')?.textContent).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
  });

  it('is dated by the page when it has no incidents', () => {
    const quiet = parseXml(renderAtomFeed(statusPageFixture(), LINKS));
    expect(all(quiet, 'entry')).toHaveLength(0);
    expect(quiet.querySelector('feed > updated')?.textContent).toBe(FIXTURE_NOW);
  });
});
