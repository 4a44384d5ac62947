import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/chromium-args';
import { ensureBundle } from '../build/ensure-bundle';
import { ensureDashboard } from '../start/dashboard-build';
import { findBrowser } from '../test/find-browser';
import { percentile } from './percentiles';
import { startProductApi, stopProcess, withoutRedis } from './product-processes';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Evaluated in the page (as text: this project's types have no DOM): the time the first row has a box, else null. */
const FIRST_ROW_SHOWN_AT = `(() => {
  const row = document.querySelector('[data-testid="monitor-row"]');
  return row && row.getBoundingClientRect().height > 0 ? performance.now() : null;
})()`;

export interface OverviewInBrowser {
  /** Navigation start to the first monitor row visible, per load (each in a fresh browser context: nothing cached). */
  firstRowMs: number[];
  firstRowP95Ms: number;
  /** The first load after the api started, not counted in firstRowMs. */
  coldMs: number;
  /** The page's JavaScript heap after the last load, after a garbage collection. */
  heapMb: number;
}

/**
 * The overview as a user opens it: the real api (the bundle `npm start` runs, queue on PostgreSQL) over a fleet
 * already seeded (seedHistory), the built dashboard, a real Chromium. No worker runs: the monitors are paused, so
 * nothing changes underneath the loads.
 */
export async function measureOverviewInBrowser(
  databaseUrl: string,
  monitors: number,
  loads: number,
  log: (line: string) => void,
): Promise<OverviewInBrowser> {
  ensureDashboard(root, process.env, log);
  await ensureBundle('server', log);
  const api = await startProductApi({ ...withoutRedis(), DATABASE_URL: databaseUrl });
  const { CHROMIUM_PATH } = await findBrowser(log);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const firstRowMs: number[] = [];
    let heapMb = 0;
    let coldMs = 0;
    // One load more than counted: the first after the api started is timed on its own (coldMs), since a running
    // install has JIT-compiled its code and cached the settled part of the month's digests by then.
    for (let load = 0; load <= loads; load++) {
      // bypassCSP: the probe below is a string Playwright evaluates in the page, which the dashboard's CSP
      // (no 'unsafe-eval') refuses; the page itself runs under the CSP as ever.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${api.adminBase}/`, { waitUntil: 'commit' });
      // Read in the page at the first frame that has the row (performance.now() counts from the navigation's start),
      // not after a round trip back to the bench.
      const shown = await page.waitForFunction(FIRST_ROW_SHOWN_AT, undefined, { polling: 'raf', timeout: 60_000 });
      const ms = Math.round(Number(await shown.jsonValue()));
      if (load === 0) coldMs = ms;
      else firstRowMs.push(ms);
      if (load === loads) {
        // Settled: the uptime columns arrived too.
        await page.locator('[data-testid="monitor-uptime"]').first().waitFor({ state: 'visible' });
        await page.waitForTimeout(2_000);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        heapMb = Math.round(usedSize / 1_048_576);
      }
      await context.close();
    }
    const figure = { firstRowMs, firstRowP95Ms: percentile(firstRowMs, 0.95), coldMs, heapMb };
    log(`overview in Chromium: ${monitors} monitors: ${JSON.stringify(figure)}`);
    return figure;
  } finally {
    await browser.close();
    await stopProcess(api.process);
  }
}
