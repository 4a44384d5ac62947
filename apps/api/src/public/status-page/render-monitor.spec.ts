// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { BucketState } from '@mini-netumo/contracts';
import { renderStatusPageHtml } from './render-status-page';
import { all, parseHtml } from '../spec-dom';
import { fixtureDays, fixtureId, monitorFixture, statusPageFixture } from './status-page-fixture';

const LINKS = { scriptPath: '/s.js', summaryPath: '/summary.json', feedPath: '/feed.atom' };
const STATES: readonly BucketState[] = ['up', 'down', 'unknown', 'maintenance', 'none'];

const render = (...monitors: ReturnType<typeof monitorFixture>[]) =>
  parseHtml(renderStatusPageHtml(statusPageFixture({ groups: [{ name: 'Public site', monitors }] }), LINKS));

describe('renderStatusPageHtml: groups and monitors', () => {
  it('gives each group a section with its heading', () => {
    const page = statusPageFixture({
      groups: [
        { name: 'Web', monitors: [monitorFixture()] },
        { name: 'Mail', monitors: [monitorFixture({ id: fixtureId(2), name: 'SMTP' })] },
      ],
    });
    const sections = all(parseHtml(renderStatusPageHtml(page, LINKS)), 'section.group');
    expect(sections.map((section) => section.querySelector('h2')?.textContent)).toEqual(['Web', 'Mail']);
    expect(sections[1].querySelector('.monitor h3')?.textContent).toBe('SMTP');
  });

  it('shows the target only when the page gives one', () => {
    const doc = render(monitorFixture(), monitorFixture({ id: fixtureId(2), name: 'Hidden', target: null }));
    const monitors = all(doc, '.monitor');
    expect(monitors[0].querySelector('.target')?.textContent).toBe('https://example.com/health');
    expect(monitors[1].querySelector('.target')).toBeNull();
  });

  it('says the current state in words, not colour alone', () => {
    const doc = render(monitorFixture({ state: 'down' }), monitorFixture({ id: fixtureId(2), state: 'pending' }));
    expect(all(doc, '.monitor .state').map((state) => [state.textContent, state.getAttribute('class')])).toEqual([
      ['Down', 'state state-down'],
      ['Not checked yet', 'state state-pending'],
    ]);
  });

  it('reads uptime per window, a dash where nothing could tell', () => {
    const cells = all(render(monitorFixture()), '.uptime div').map(
      (cell) => `${cell.querySelector('dt')?.textContent}=${cell.querySelector('dd')?.textContent}`,
    );
    expect(cells).toEqual(['24h uptime=100%', '7d uptime=99.95%', '30d uptime=99.50%', '90d uptime=—']);
  });
});

describe('renderStatusPageHtml: day bars', () => {
  const days = fixtureDays((index) => STATES[index % STATES.length]);
  const doc = render(monitorFixture({ days }), monitorFixture({ id: fixtureId(2), days: fixtureDays() }));
  const firstBars = () => all(all(doc, '.monitor')[0], '.bars > li');

  it('draws 90 bars per monitor, oldest first, each classed by its state', () => {
    for (const monitor of all(doc, '.monitor')) expect(all(monitor, '.bars > li')).toHaveLength(90);
    expect(firstBars().map((bar) => bar.getAttribute('class'))).toEqual(days.map((day) => day.state));
  });

  it('gives the live script the first day, to name each bar on hover', () => {
    expect(doc.querySelector('.bars')?.getAttribute('data-from')).toBe('2026-09-09');
  });

  it('tells screen readers the bars in one sentence, not 90 silent items', () => {
    expect(doc.querySelector('.bars')?.getAttribute('aria-hidden')).toBe('true');
    const [mixed, healthy] = all(doc, '.monitor .vh').map((text) => text.textContent ?? '');
    expect(healthy).toBe('Last 90 days, 2026-09-09 to 2026-12-07 (UTC): 90 up.');
    expect(mixed).toMatch(/^Last 90 days, 2026-09-09 to 2026-12-07 \(UTC\): 18 up, 18 down, 18 unknown, 18 maintenance, 18 no data; /);
    expect(mixed).toContain('; down on Sep 10, Sep 15, ');
    expect(mixed).toContain('; no data on Sep 13, Sep 18, ');
    expect(mixed).toMatch(/, Dec 7\.$/);
  });

  it('names runs of days by their first and last', () => {
    const run = fixtureDays((index) => (index < 3 ? 'none' : index === 89 ? 'maintenance' : 'up'));
    expect(render(monitorFixture({ days: run })).querySelector('.monitor .vh')?.textContent).toBe(
      'Last 90 days, 2026-09-09 to 2026-12-07 (UTC): 86 up, 1 maintenance, 3 no data; maintenance on Dec 7; no data on Sep 9 to Sep 11.',
    );
  });

  it('explains every bar colour once, "no data" included', () => {
    const legend = all(doc, '.legend li').map((item) => [item.querySelector('.swatch')?.getAttribute('class'), item.textContent]);
    expect(legend).toEqual(STATES.map((state) => [`swatch ${state}`, state === 'none' ? 'no data' : state]));
  });
});
