// @vitest-environment jsdom
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderStatusPageHtml } from './render-status-page';
import { dom } from '../spec-dom';
import { fixtureDays, monitorFixture, statusPageFixture } from './status-page-fixture';
import { STATUS_PAGE_SCRIPT } from './status-page-script';

const LINKS = { scriptPath: '/s.js', summaryPath: '/summary.json', feedPath: '/feed.atom' };

describe('STATUS_PAGE_SCRIPT', () => {
  it('is a small classic script with no eval-like or HTML-string sinks', () => {
    expect(Buffer.byteLength(STATUS_PAGE_SCRIPT)).toBeLessThan(2_048);
    expect(() => new Script(STATUS_PAGE_SCRIPT)).not.toThrow();
    expect(STATUS_PAGE_SCRIPT).not.toMatch(/\beval\b|Function\(|innerHTML|outerHTML\s*=[^=]|insertAdjacentHTML|document\.write|\bimport\b/);
  });
});

describe('STATUS_PAGE_SCRIPT in a page', () => {
  const fetchPage = vi.fn();

  const load = (html: string) => {
    const { document } = dom();
    document.open();
    document.write(html);
    document.close();
    // Running the text is how a browser runs it; the script itself uses no eval.
    new Function(STATUS_PAGE_SCRIPT)();
    return document;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchPage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    fetchPage.mockReset();
  });

  it('localises times and names each bar by its day and state', () => {
    const days = fixtureDays((index) => (index === 1 ? 'down' : index === 89 ? 'none' : 'up'));
    const page = statusPageFixture({ groups: [{ name: 'Web', monitors: [monitorFixture({ days })] }] });
    const document = load(renderStatusPageHtml(page, LINKS));
    expect(document.querySelector('.updated time')?.textContent).not.toBe('2026-12-07 14:05 UTC');
    const titles = Array.from(document.querySelectorAll('.bars li'), (bar) => bar.getAttribute('title'));
    expect(titles).toHaveLength(90);
    // The visitor's locale names the day; this machine's locale is the visitor here.
    const day = (month: number, date: number) =>
      new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(Date.UTC(2026, month - 1, date));
    expect([titles[0], titles[1], titles[89]]).toEqual([`${day(9, 9)}: up`, `${day(9, 10)}: down`, `${day(12, 7)}: no data`]);
  });

  it('swaps in the new main a minute later, and only when it changed', async () => {
    const document = load(renderStatusPageHtml(statusPageFixture(), LINKS));
    const respond = (html: string) => fetchPage.mockResolvedValueOnce({ ok: true, text: async () => html });

    respond(renderStatusPageHtml(statusPageFixture(), LINKS));
    const before = document.querySelector('main');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchPage).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ cache: 'no-cache' }));
    expect(document.querySelector('main')).toBe(before);

    respond(renderStatusPageHtml(statusPageFixture({ title: 'Acme is down', overall: 'major_outage' }), LINKS));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(document.querySelector('main')).not.toBe(before);
    expect(document.querySelector('.banner-text')?.textContent).toBe('Major outage');
    expect(document.title).toBe('Acme is down');
  });

  it('leaves the server alone while the tab is hidden', async () => {
    const document = load(renderStatusPageHtml(statusPageFixture(), LINKS));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      await vi.advanceTimersByTimeAsync(180_000);
      expect(fetchPage).not.toHaveBeenCalled();
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });
});
