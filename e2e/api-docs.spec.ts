import { expect, test } from '@playwright/test';
import { deleteMonitorsNamed, listMonitors, snap } from './page-steps';

const NAME = 'E2E made over REST';

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, NAME);
});

test('the REST API docs load from our own origin under the CSP, and a monitor made over REST is on the dashboard', async ({
  page,
  request,
}, testInfo) => {
  const refused: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  // Swagger UI would fetch from a CDN or send the document to validator.swagger.io; neither may happen.
  const ours = new URL(String(testInfo.project.use.baseURL)).origin;
  page.on('request', (sent) => {
    const url = sent.url();
    if (!url.startsWith(ours) && !url.startsWith('data:')) elsewhere.push(url);
  });

  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /mini-netumo/ })).toBeVisible();
  const create = page.locator('#operations-monitors-monitors_create');
  await expect(create).toContainText('/api/v1/monitors');
  await create.locator('.opblock-summary').click();
  await expect(create.getByText('Create a monitor', { exact: false }).first()).toBeVisible();
  await snap(page, testInfo, 'api-docs');

  const created = await request.post('/api/v1/monitors', { data: { name: NAME, url: 'http://127.0.0.1:9/rest', paused: true } });
  expect(created.status()).toBe(201);
  expect((await listMonitors(request)).map((monitor) => monitor.name)).toContain(NAME);
  await page.goto('/');
  await expect(page.getByText(NAME)).toBeVisible();

  expect(refused).toEqual([]);
  expect(elsewhere).toEqual([]);
});
