import { expect, test } from '@playwright/test';
import { deleteMonitorsNamed, snap } from './page-steps';

const NAME = 'E2E nightly backup';

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, NAME);
});

test('a heartbeat made in the dashboard shows its ping URL, goes up on a ping and down on /fail, and logs both', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/monitors/new');
  await page.getByTestId('kind-heartbeat').click();
  // A heartbeat is not probed: no interval, timeout or URL to fill in.
  await expect(page.getByLabel('Interval (seconds)', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('URL', { exact: true })).toHaveCount(0);
  await page.getByLabel('Name', { exact: true }).fill(NAME);

  await test.step('a period under the minimum is refused under its field, and nothing is saved', async () => {
    await page.getByLabel('Period (seconds)', { exact: true }).fill('10');
    await page.getByTestId('save-monitor').click();
    await expect(page.getByText('periodSeconds must be at least 20')).toBeVisible();
    await expect(page).toHaveURL(/\/monitors\/new$/);
  });

  await page.getByLabel('Period (seconds)', { exact: true }).fill('60');
  await page.getByLabel('Grace (seconds)', { exact: true }).fill('30');
  await expect(page.getByTestId('expected-ping')).toHaveCount(5);
  await snap(page, testInfo, 'heartbeat-01-form');
  await page.getByTestId('save-monitor').click();
  await expect(page).toHaveURL(/\/$/);

  const row = page.getByTestId('monitor-row').filter({ hasText: NAME });
  const status = row.getByTestId('monitor-status');
  await expect(row).toContainText('every 1m');
  await expect(status).toHaveText('pending');

  await row.getByRole('link', { name: NAME }).click();
  const url = (await page.getByTestId('ping-url').textContent())?.trim() ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ping\/[A-Za-z0-9_-]{24}$/);
  await snap(page, testInfo, 'heartbeat-02-detail');

  // As the job's curl would: on the public port, which serves nothing else.
  expect((await request.get(url)).status()).toBe(200);
  expect((await request.get(url.replace(/\/ping\/.*$/, '/trpc/monitors.list'))).status()).toBe(404);
  await expect(page.getByTestId('ping-row')).toHaveCount(1);
  expect((await request.post(`${url}/fail`, { data: 'disk full' })).status()).toBe(200);
  await expect(page.getByTestId('ping-row').first()).toHaveAttribute('data-kind', 'fail');
  await page.getByTestId('ping-body').first().locator('summary').click();
  await expect(page.getByTestId('ping-body').first()).toContainText('disk full');
  await snap(page, testInfo, 'heartbeat-03-log');

  await page.getByRole('link', { name: 'Monitors', exact: true }).click();
  await expect(status).toHaveText('down');
  await page.getByTestId('nav-incidents').click();
  await expect(page.getByTestId('incident-row').filter({ hasText: NAME }).getByTestId('incident-state')).toHaveText('open');
  expect((await request.get(`${url}/0`)).status()).toBe(200);
  await expect(page.getByTestId('incident-row').filter({ hasText: NAME }).getByTestId('incident-state')).toHaveText('resolved');
});
