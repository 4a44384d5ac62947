// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderStatusPageHtml } from './render-status-page';
import { all, parseHtml } from '../spec-dom';
import { fixtureId, incidentFixture, maintenanceFixture, statusPageFixture } from './status-page-fixture';

const LINKS = { scriptPath: '/s.js', summaryPath: '/summary.json', feedPath: '/feed.atom' };
const render = (overrides: Parameters<typeof statusPageFixture>[0]) => {
  const html = renderStatusPageHtml(statusPageFixture(overrides), LINKS);
  return { html, doc: parseHtml(html) };
};

describe('renderStatusPageHtml: open incidents', () => {
  const open = incidentFixture();
  // Oldest first on purpose: the page orders them itself.
  const { html, doc } = render({ openIncidents: [{ ...open, updates: [...open.updates].reverse() }] });
  const incident = doc.querySelector('.incidents.open .incident');
  const updates = incident ? all(incident, '.updates > li') : [];

  it('come first in main, before maintenance and monitors', () => {
    const sections = all(doc, 'main > section').map((section) => section.getAttribute('class'));
    expect(sections[0]).toBe('incidents open');
    expect(html.indexOf('Open incidents')).toBeLessThan(html.indexOf('class="group"'));
  });

  it('show the title, the monitors concerned and the current state', () => {
    expect(incident?.querySelector('h3')?.textContent).toBe('Website slow to answer');
    expect(incident?.querySelector('.affects')?.textContent).toBe('Affects: Website');
    expect(incident?.querySelector('.incident-state')?.textContent).toBe('Identified · opened 2026-12-07 12:00 UTC');
  });

  it('list updates newest first, with state, time, message lines and an edited mark', () => {
    expect(updates.map((update) => update.querySelector('strong')?.textContent)).toEqual(['Identified', 'Investigating']);
    expect(updates[0].querySelector('.edited')?.textContent).toBe('(edited 2026-12-07 13:10 UTC)');
    expect(updates[1].querySelector('.edited')).toBeNull();
    expect(html).toContain('<p>A bad deploy.<br>Rolling back.</p>');
  });

  it('leave no section behind when there are none', () => {
    expect(render({}).doc.querySelector('.incidents.open')).toBeNull();
  });
});

describe('renderStatusPageHtml: resolved incidents', () => {
  it('are folded in details, with when they were resolved', () => {
    const resolved = incidentFixture({ id: fixtureId(200), state: 'resolved', resolvedAt: '2026-12-01T09:30:00.000Z' });
    const { doc } = render({ resolvedIncidents: [resolved] });
    const details = all(doc, '.incidents.resolved details');
    expect(details).toHaveLength(1);
    expect(details[0].querySelector('summary')?.textContent).toBe('Website slow to answer · resolved 2026-12-01 09:30 UTC');
    expect(all(details[0], '.updates > li')).toHaveLength(2);
  });

  it('say so when there were none', () => {
    expect(render({}).doc.querySelector('.incidents.resolved')?.textContent).toContain('No incidents in the last 90 days.');
  });
});

describe('renderStatusPageHtml: maintenance', () => {
  it('shows windows in progress before upcoming ones, with UTC start and end', () => {
    const { doc } = render({
      maintenance: [
        maintenanceFixture(),
        maintenanceFixture({ name: 'Network swap', startsAt: '2026-12-07T14:00:00.000Z', inProgress: true }),
      ],
    });
    const windows = all(doc, '.maintenance-list li');
    expect(windows.map((window) => window.querySelector('h3')?.textContent)).toEqual(['Network swap', 'Database upgrade']);
    expect(windows[0].querySelector('.badge')?.textContent).toBe('In progress');
    expect(windows[1].querySelector('p')?.textContent).toBe('Upcoming 2026-12-09 02:00 UTC – 2026-12-09 03:30 UTC');
    expect(all(windows[1], 'time').map((time) => time.getAttribute('datetime'))).toEqual([
      '2026-12-09T02:00:00.000Z',
      '2026-12-09T03:30:00.000Z',
    ]);
  });

  it('leaves no section behind when none is planned', () => {
    expect(render({}).doc.querySelector('.maintenance-list')).toBeNull();
  });
});
