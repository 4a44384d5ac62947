import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/chromium-args';
import { findOnPath, isExecutable } from '../../libs/domain/src/testing/services/find-on-path';

/** Browsers people install themselves, by the names their packages give them. */
const SYSTEM_CHROMIUMS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * The Chromium the end-to-end tests run, as CHROMIUM_PATH (unset: Playwright's own). In order: CHROMIUM_PATH;
 * Playwright's own Chromium, when it is installed; a Chromium on PATH (Debian's `chromium`), so nobody downloads
 * a second browser they already have; Playwright's own, installed now. Throws one sentence saying what to
 * install when none of these works (no browser, and Playwright's download site cannot be reached).
 */
export async function findBrowser(log: (line: string) => void): Promise<{ CHROMIUM_PATH?: string }> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!isExecutable(given))
      throw new Error(`CHROMIUM_PATH is ${given}, which is not an executable file; point it at a Chromium or Chrome binary, or unset it.`);
    log(`browser: ${given} (CHROMIUM_PATH)`);
    return { CHROMIUM_PATH: given };
  }
  if (await launches()) {
    log("browser: Playwright's own Chromium");
    return {};
  }
  const onPath = SYSTEM_CHROMIUMS.map(findOnPath).find((found) => found !== undefined);
  if (onPath) {
    log(`browser: ${onPath} (found on PATH)`);
    return { CHROMIUM_PATH: onPath };
  }
  log("browser: none found; installing Playwright's Chromium (npx playwright install chromium)");
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 10 * 60_000 });
  if (install.status === 0 && (await launches())) return {};
  throw new Error(
    'No browser for the end-to-end tests: install Chromium (e.g. `apt-get install chromium`) or run ' +
      '`npx playwright install chromium` where the internet is reachable, or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/** Whether Playwright's own Chromium is installed and starts (a launch is the only check that proves both). */
async function launches(): Promise<boolean> {
  try {
    const browser = await chromium.launch({ args: CHROMIUM_ARGS, timeout: 30_000 });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}
