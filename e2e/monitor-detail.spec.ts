import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { checkNow, deleteMonitorsNamed, snap } from './page-steps';
import { startTarget, type Target } from './target-server';

const MONITOR_NAME = 'E2E detail target';
const PERCENT = /^\d{1,3}(\.\d{1,2})?%$/;
const MILLISECONDS = /^\d+ ms$/;

let target: Target;

test.beforeAll(async () => {
  target = await startTarget();
});

test.afterAll(async ({ request }) => {
  await target?.close();
  // The lifecycle spec expects an empty install; leave none behind even when this one fails midway.
  await deleteMonitorsNamed(request, MONITOR_NAME);
});

test('the detail page draws the chart, cards and 90-day bar from real checks', async ({ page }, testInfo) => {
  const row = page.getByTestId('monitor-row').filter({ hasText: MONITOR_NAME });

  await test.step('a monitor with a body check, set in the Advanced panel, turns up', async () => {
    await page.goto('/monitors/new');
    await page.getByLabel('Name', { exact: true }).fill(MONITOR_NAME);
    await page.getByLabel('URL').fill(target.url);
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByLabel('Body check', { exact: true }).click();
    await page.getByRole('option', { name: 'Body contains text' }).click();
    await page.getByLabel('Text', { exact: true }).fill('ok');
    await page.getByLabel('Retries', { exact: true }).fill('1');
    await page.getByTestId('save-monitor').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(row.getByTestId('monitor-status')).toHaveText('up', { timeout: 30_000 });
  });

  await test.step('a few good checks, one confirmed failure, a good one again', async () => {
    await checkNow(row);
    await checkNow(row);
    target.respondWith(500);
    await checkNow(row);
    target.respondWith(200);
    await checkNow(row);
  });

  await test.step('the overview paints the failure into the 24 h bar live, and shows the uptime', async () => {
    await expect(row.getByTestId('monitor-sparkline').locator('rect')).toHaveCount(24);
    await expect(row.getByTestId('monitor-sparkline').locator('rect[data-state="down"]')).toHaveCount(1);
    // Percentages come from stats.overview (refetched about once a minute while checks arrive): load afresh.
    await page.reload();
    await expect(row.getByTestId('monitor-sparkline').locator('rect[data-state="down"]')).toHaveCount(1);
    await expect(row.getByTestId('monitor-uptime')).toHaveText(PERCENT);
    await expect(row.getByTestId('monitor-uptime')).not.toHaveText('100%');
    await snap(page, testInfo, 'overview');
  });

  await test.step('the detail page shows cards, chart, 90-day bar, timings and checks', async () => {
    await row.getByTestId('monitor-name').click();
    await expect(page.getByTestId('monitor-title')).toHaveText(MONITOR_NAME);

    const uptime24h = page.getByTestId('uptime-24h').getByTestId('stat-value');
    await expect(uptime24h).toHaveText(PERCENT);
    await expect(uptime24h).not.toHaveText('100%');
    await expect(page.getByTestId('stat-p95').getByTestId('stat-value')).toHaveText(MILLISECONDS);
    await expect(page.getByTestId('stat-p50').getByTestId('stat-value')).toHaveText(MILLISECONDS);
    await expect(page.getByTestId('stat-error-rate').getByTestId('stat-value')).toHaveText(PERCENT);

    const chart = page.getByTestId('latency-chart');
    await expect(chart).toHaveAttribute('data-points', '24');
    await expect(page.getByTestId('latency-avg-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+/);
    await expect(page.getByTestId('latency-p95-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+/);

    const days = page.getByTestId('status-bar-90d').locator('rect');
    await expect(days).toHaveCount(90);
    await expect(page.getByTestId('status-bar-90d').locator('rect[data-state="down"]')).toHaveCount(1);
    // 89 days with no checks; 88 if the test ran across midnight UTC.
    expect(await page.getByTestId('status-bar-90d').locator('rect[data-state="none"]').count()).toBeGreaterThanOrEqual(88);

    await expect(page.getByTestId('timing-chart')).toBeVisible();
    await expect(page.getByTestId('timing-averages')).toContainText('First byte');
    await expect.poll(() => page.getByTestId('check-row').count()).toBeGreaterThanOrEqual(5);
    const failed = page.locator('[data-testid="check-row"][data-verdict="down"]');
    await expect(failed).toHaveCount(1);
    await expect(failed.getByTestId('check-error-kind')).toHaveText('status');
    await expect(failed).toContainText('×2'); // the failure was confirmed by a retry
    await snap(page, testInfo, 'detail');
  });

  await test.step('the chart switches to 7 days of hours and 30 days of days', async () => {
    await page.getByTestId('window-7d').click();
    await expect(page.getByTestId('latency-chart')).toHaveAttribute('data-points', '168');
    await expect(page.getByTestId('stat-p95')).toContainText('over 7 days');
    await page.getByTestId('window-30d').click();
    await expect(page.getByTestId('latency-chart')).toHaveAttribute('data-points', '30');
    await expect(page.getByTestId('latency-avg-line')).toHaveAttribute('d', /^M/);
    await snap(page, testInfo, 'detail-30d');
  });

  await test.step('Export CSV downloads the checks of the window', async () => {
    await page.getByTestId('export-csv').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-results').click()]);
    expect(download.suggestedFilename()).toBe('e2e-detail-target-results-30d.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^checked_at,verdict,/);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.some((line) => line.includes(',down,'))).toBe(true);
  });

  await test.step('deleting the monitor leaves the install empty for the next spec', async () => {
    await page.getByTestId('delete').click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText('No monitors yet')).toBeVisible();
  });
});
