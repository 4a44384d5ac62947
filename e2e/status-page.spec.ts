import { expect, test } from '@playwright/test';
import { deleteMonitorsNamed, snap } from './page-steps';
import { startTarget, type Target } from './target-server';
import { trpcMutation, trpcQuery } from './trpc-calls';

const PRIVATE_NAME = 'E2E storefront internal';
const SLUG = 'e2e-storefront';

let target: Target;

test.beforeAll(async () => {
  target = await startTarget();
});

test.afterAll(async ({ request }) => {
  for (const page of await trpcQuery<{ id: string; slug: string }[]>(request, 'statusPages.list')) {
    if (page.slug === SLUG) await trpcMutation(request, 'statusPages.delete', { id: page.id });
  }
  await deleteMonitorsNamed(request, PRIVATE_NAME);
  await target?.close();
});

test('a status page made in the dashboard is served on the public port, in light and dark', async ({ page, request }, testInfo) => {
  await trpcMutation(request, 'monitors.create', { name: PRIVATE_NAME, url: target.url, intervalSeconds: 20 });
  // The dashboard and the public page each run under a strict CSP: nothing they need may be refused.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });

  await page.goto('/');
  await page.getByTestId('nav-status-pages').click();
  await page.getByTestId('add-status-page').click();
  await page.getByLabel('Title', { exact: true }).fill('Storefront status');
  await page.getByLabel('Slug', { exact: true }).fill(SLUG);
  await page.getByLabel('Description (optional)').fill('How our shop is doing, <live>.');
  await page.getByLabel('Group name').fill('Shop');
  await page.getByTestId('add-monitor').fill('storefront');
  await page.getByRole('option', { name: new RegExp(PRIVATE_NAME) }).click();
  await page.getByLabel('Public name (optional)').fill('Online shop');
  await snap(page, testInfo, 'status-page-01-form');
  await page.getByTestId('save-status-page').click();

  const row = page.getByTestId('status-page-row').filter({ hasText: 'Storefront status' });
  await expect(row.getByTestId('status-page-monitors')).toHaveText('1');
  const publicUrl = (await row.getByTestId('status-page-public-url').textContent())?.trim() ?? '';
  expect(publicUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/status/${SLUG}$`));
  await snap(page, testInfo, 'status-page-02-list');

  // As a visitor: the public port, the page's own names, nothing private.
  await page.goto(publicUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Storefront status');
  await expect(page.getByText('How our shop is doing, <live>.')).toBeVisible();
  await expect(page.getByText('Online shop')).toBeVisible();
  // The first check lands within seconds; the page shows it on the next visit (its own refresh comes each minute).
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('All systems operational')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(await page.content()).not.toContain(PRIVATE_NAME);
  expect(await page.content()).not.toContain(target.url);
  await page.emulateMedia({ colorScheme: 'light' });
  await snap(page, testInfo, 'status-page-03-public-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, testInfo, 'status-page-04-public-dark');
  await page.setViewportSize({ width: 375, height: 800 });
  await snap(page, testInfo, 'status-page-05-public-narrow');

  expect((await request.get(publicUrl.replace(/\/status\/.*$/, '/trpc/statusPages.list'))).status()).toBe(404);
  expect(refused).toEqual([]);
});
