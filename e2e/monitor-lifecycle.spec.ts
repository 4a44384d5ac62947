import { expect, test, type Page } from '@playwright/test';
import { checkNow, listMonitors, snap } from './page-steps';
import { startTarget, type Target } from './target-server';

const MONITOR_NAME = 'E2E target';

let target: Target;

test.beforeAll(async () => {
  target = await startTarget();
});

test.afterAll(async () => {
  await target?.close();
});

/** How many monitors the api has. */
async function countMonitors(page: Page): Promise<number> {
  return (await listMonitors(page.request)).length;
}

test('a monitor goes up, down with an incident, and up again', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('live-connection')).toHaveText(/Live/);
  await expect(page.getByText('No monitors yet')).toBeVisible();
  await snap(page, testInfo, '01-empty');

  await test.step('the form rejects a too-short interval with the contract message', async () => {
    await page.getByTestId('add-monitor').click();
    await page.getByLabel('Name').fill(MONITOR_NAME);
    await page.getByLabel('URL').fill(target.url);
    await page.getByLabel('Interval (seconds)').fill('5');
    await page.getByLabel('Failure threshold').fill('2');
    await page.getByTestId('save-monitor').click();
    await expect(page.getByText('intervalSeconds must be at least 20')).toBeVisible();
    await expect(page.getByLabel('Interval (seconds)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/monitors\/new$/);
    expect(await countMonitors(page)).toBe(0);
    await snap(page, testInfo, '02-validation-error');
  });

  const row = page.getByTestId('monitor-row').filter({ hasText: MONITOR_NAME });
  const status = row.getByTestId('monitor-status');

  await test.step('a created monitor is checked at once and turns up', async () => {
    await page.getByLabel('Interval (seconds)').fill('60');
    await page.getByTestId('save-monitor').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('monitor-row')).toHaveCount(1);
    await expect(status).toHaveText('up', { timeout: 30_000 });
    expect(target.hits()).toBeGreaterThan(0);
    // Every action of the row (Pause, Check now, Edit, Delete) fits inside the table at 1280 px.
    const table = page.getByRole('table', { name: 'Monitors' });
    expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await snap(page, testInfo, '03-up');
  });

  await test.step('two failed checks in a row turn it down and open an incident', async () => {
    target.respondWith(500);
    await checkNow(row);
    await expect(status).toHaveText('up'); // one failure is below the threshold of 2
    await checkNow(row);
    await expect(status).toHaveText('down');
    await snap(page, testInfo, '04-down');

    await page.getByTestId('nav-incidents').click();
    const incident = page.getByTestId('incident-row').filter({ hasText: MONITOR_NAME });
    await expect(incident).toHaveCount(1);
    await expect(incident.getByTestId('incident-state')).toHaveText('open');
    await snap(page, testInfo, '05-incident-open');
  });

  await test.step('one good check turns it up and resolves the incident', async () => {
    target.respondWith(200);
    await page.getByRole('link', { name: 'Monitors', exact: true }).click();
    await checkNow(row);
    await expect(status).toHaveText('up');
    await snap(page, testInfo, '06-up-again');

    await page.getByTestId('nav-incidents').click();
    const incident = page.getByTestId('incident-row').filter({ hasText: MONITOR_NAME });
    await expect(incident.getByTestId('incident-state')).toHaveText('resolved');
    await snap(page, testInfo, '07-incident-resolved');
  });

  await test.step('the detail page shows the history', async () => {
    await page.getByTestId('incident-monitor').filter({ hasText: MONITOR_NAME }).click();
    await expect(page.getByTestId('monitor-title')).toHaveText(MONITOR_NAME);
    await expect.poll(() => page.getByTestId('check-row').count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId('incident-row')).toHaveCount(1);
    await snap(page, testInfo, '08-detail');
  });

  await test.step('editing keeps the monitor and shows the new values', async () => {
    await page.getByTestId('edit').click();
    await expect(page.getByLabel('Name')).toHaveValue(MONITOR_NAME);
    await page.getByLabel('Name').fill(`${MONITOR_NAME} (renamed)`);
    await page.getByTestId('save-monitor').click();
    await expect(page.getByTestId('monitor-title')).toHaveText(`${MONITOR_NAME} (renamed)`);
  });

  await test.step('deleting asks first, then empties the list', async () => {
    await page.getByTestId('delete').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('No monitors yet')).toBeVisible();
    expect(await countMonitors(page)).toBe(0);
  });
});
