import { expect, test } from '@playwright/test';
import { checkNow, deleteMonitorsNamed, snap } from './page-steps';
import { startTarget, type Target } from './target-server';
import { deleteChannelsNamed } from './trpc-calls';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const MONITOR_NAME = 'E2E alerted';
const CHANNEL_NAME = 'E2E hook';
const TOKEN = 'e2e-token-0123456789';

let target: Target;
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  [target, receiver] = await Promise.all([startTarget(), startWebhookReceiver()]);
});

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, MONITOR_NAME);
  await deleteChannelsNamed(request, CHANNEL_NAME);
  await Promise.all([target?.close(), receiver?.close()]);
});

test('a down monitor alerts its webhook channel, and the incident can be acknowledged', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/channels');
  await expect(page.getByTestId('live-connection')).toHaveText(/Live/);

  await test.step('a webhook channel is made from the schema-driven form and tested', async () => {
    await page.getByTestId('add-channel').click();
    await page.getByLabel('Name').fill(CHANNEL_NAME);
    await page.getByLabel('URL', { exact: true }).fill('not a url');
    await page.getByTestId('save-channel').click();
    await expect(page.getByText('url must be a valid absolute URL such as https://example.com/hook')).toBeVisible();
    await page.getByLabel('URL', { exact: true }).fill(receiver.url);
    await page.getByLabel('Headers (optional)').fill(`X-Token: ${TOKEN}`);
    await page.getByTestId('channel-send-test').click();
    await expect(page.getByTestId('channel-test-result')).toHaveText(/^Delivered \(HTTP 204/);
    expect(receiver.posts).toHaveLength(1);
    await snap(page, testInfo, '01-channel-form');
    await page.getByTestId('save-channel').click();
    await expect(page).toHaveURL(/\/channels$/);
    await expect(page.getByTestId('channel-row').filter({ hasText: CHANNEL_NAME })).toContainText('webhook');
    await snap(page, testInfo, '02-channel-list');
    // Editing shows the header value masked; saving the mask back keeps the saved value.
    await page.getByTestId('channel-name').filter({ hasText: CHANNEL_NAME }).click();
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(receiver.url);
    await expect(page.getByLabel('Headers (optional)')).toHaveValue(`X-Token: ••••${TOKEN.slice(-4)}`);
    await snap(page, testInfo, '02b-channel-edit-masked');
    await page.getByTestId('save-channel').click();
    await expect(page).toHaveURL(/\/channels$/);
  });

  const row = page.getByTestId('monitor-row').filter({ hasText: MONITOR_NAME });

  await test.step('a monitor alerting that channel is created and turns up', async () => {
    await page.goto('/monitors/new');
    await page.getByLabel('Name').fill(MONITOR_NAME);
    await page.getByLabel('URL').fill(target.url);
    await page.locator('[data-field="channelIds"]').click();
    await page.getByRole('option', { name: new RegExp(CHANNEL_NAME) }).click();
    await page.keyboard.press('Escape');
    await snap(page, testInfo, '03-monitor-form-channels');
    await page.getByTestId('save-monitor').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(row.getByTestId('monitor-status')).toHaveText('up', { timeout: 30_000 });
  });

  await test.step('two failed checks open an incident and the webhook hears about it', async () => {
    target.respondWith(500);
    await checkNow(row);
    await checkNow(row);
    await expect(row.getByTestId('monitor-status')).toHaveText('down');
    await page.getByTestId('nav-incidents').click();
    const incident = page.getByTestId('incident-row').filter({ hasText: MONITOR_NAME });
    await expect(incident.getByTestId('incident-state')).toHaveText('open');
    await snap(page, testInfo, '04-incidents');
    await incident.getByTestId('incident-state').click();
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-testid="timeline-event"][data-event-type="notified"]').first()).toBeVisible({ timeout: 30_000 });
    expect(receiver.posts.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(receiver.posts.at(-1))).toContain(MONITOR_NAME);
    expect(receiver.posts.at(-1)?.token).toBe(TOKEN);
    await snap(page, testInfo, '05-incident-detail');
  });

  await test.step('acknowledging it shows on the page', async () => {
    await page.getByTestId('incident-acknowledge').click();
    await expect(page.getByTestId('incident-detail-state')).toHaveText('acknowledged');
    await expect(page.locator('[data-testid="timeline-event"][data-event-type="acknowledged"]')).toHaveCount(1);
    await snap(page, testInfo, '06-incident-acknowledged');
  });

  await test.step('the bell, dead letters and maintenance pages render', async () => {
    await page.getByTestId('notification-bell').click();
    await snap(page, testInfo, '07-notification-menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-dead-letters').click();
    await expect(page.getByTestId('no-dead-letters')).toBeVisible();
    await snap(page, testInfo, '08-dead-letters');
    await page.getByTestId('nav-maintenance').click();
    await expect(page.getByTestId('no-maintenance')).toBeVisible();
    await page.getByLabel('Name').fill('E2E window');
    await page.getByTestId('save-maintenance').click();
    await expect(page.getByTestId('maintenance-form')).toContainText('startsAt must be a date');
    await page.getByLabel('Starts').fill('2030-01-01T02:00');
    await page.getByLabel('Ends').fill('2030-01-01T03:00');
    await page.getByTestId('save-maintenance').click();
    await expect(page.getByTestId('maintenance-window')).toContainText('E2E window');
    await snap(page, testInfo, '09-maintenance');
    await page.getByTestId('maintenance-delete').click();
    await expect(page.getByTestId('no-maintenance')).toBeVisible();
  });
});
