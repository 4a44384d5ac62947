import { expect, test, type APIRequestContext } from '@playwright/test';
import { deleteMonitorsNamed, snap } from './page-steps';
import { startTarget, type Target } from './target-server';
import { deleteChannelsNamed, trpcMutation, trpcQuery } from './trpc-calls';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** Everything this spec makes starts with this, so clean-up finds it. */
const PREFIX = 'E2E dl';
const HOOK = `${PREFIX} hook`;
const INBOX = `${PREFIX} inbox`;
const SITE = `${PREFIX} site`;
const BELL_SITE = `${PREFIX} bell site`;

interface Ref {
  id: string;
}

/** A monitor that goes down on its first failed check and is only checked when told (interval one hour). */
async function createMonitor(request: APIRequestContext, name: string, url: string, channelId: string): Promise<Ref> {
  const monitor = await trpcMutation<Ref>(request, 'monitors.create', {
    name,
    url,
    intervalSeconds: 3_600,
    failureThreshold: 1,
    retries: 0,
    channelIds: [channelId],
  });
  await expect
    .poll(async () => (await trpcQuery<{ status: string }>(request, 'monitors.get', { id: monitor.id })).status, { timeout: 30_000 })
    .toBe('up');
  return monitor;
}

/** Breaks the target and has it checked now; the incident it opens is returned. */
async function breakAndCheck(request: APIRequestContext, target: Target, monitor: Ref): Promise<Ref> {
  const openIncidents = () => trpcQuery<Ref[]>(request, 'incidents.list', { monitorId: monitor.id, state: 'open' });
  target.respondWith(500);
  await trpcMutation(request, 'monitors.checkNow', { id: monitor.id });
  await expect.poll(async () => (await openIncidents()).length, { timeout: 30_000 }).toBe(1);
  const [incident] = await openIncidents();
  if (!incident) throw new Error('no open incident');
  return incident;
}

let targets: Target[] = [];
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  targets = await Promise.all([startTarget(), startTarget()]);
  receiver = await startWebhookReceiver();
});

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, PREFIX);
  await deleteChannelsNamed(request, PREFIX);
  await Promise.all([...targets.map((target) => target.close()), receiver?.close()]);
});

test('an alert its channel refused is dead-lettered, retried into delivery, and another one discarded', async ({
  page,
  request,
}, testInfo) => {
  const [target] = targets;
  if (!target) throw new Error('no target');
  receiver.answerWith(500);
  const hook = await trpcMutation<Ref>(request, 'channels.create', { name: HOOK, kind: 'webhook', config: { url: receiver.url } });
  const monitor = await createMonitor(request, SITE, target.url, hook.id);

  await page.goto('/alerts/dead');
  await expect(page.getByTestId('live-connection')).toHaveText(/Live/);
  const letters = page.getByTestId('dead-letter').filter({ hasText: SITE });

  const incident = await test.step('the receiver answers 500 on every attempt: the alert shows up dead, with its error', async () => {
    const opened = await breakAndCheck(request, target, monitor);
    await expect(letters).toHaveCount(1);
    await expect(letters.first()).toContainText(`opened alert for ${SITE} to ${HOOK} (webhook)`);
    await expect(letters.first().getByTestId('dead-letter-error')).toHaveText('HTTP 500: {"error":"receiver says 500"}');
    await expect(letters.first().locator('summary')).toHaveText('3 attempts');
    expect(receiver.posts.map((post) => [post.event, post.answered])).toEqual([
      ['incident.opened', 500],
      ['incident.opened', 500],
      ['incident.opened', 500],
    ]);
    await letters.first().locator('summary').click();
    await snap(page, testInfo, '01-dead-letter');
    return opened;
  });

  await test.step('the receiver is fixed; Retry delivers it and it leaves the list', async () => {
    receiver.answerWith(200);
    await letters.first().getByTestId('dead-letter-retry').click();
    await expect(letters).toHaveCount(0);
    await expect(page.getByTestId('no-dead-letters')).toBeVisible();
    await expect.poll(() => receiver.posts.at(-1)).toMatchObject({ event: 'incident.opened', incidentId: incident.id, answered: 200 });
    await snap(page, testInfo, '02-retried');
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.locator('[data-testid="timeline-event"][data-event-type="notified"]')).toContainText(
      `opened notice delivered by webhook "${HOOK}"`,
    );
    await snap(page, testInfo, '03-incident-delivered');
  });

  await test.step('the receiver breaks again; the acknowledgement it should get is dead-lettered too', async () => {
    receiver.answerWith(500);
    await page.getByTestId('acknowledge-note').fill('on it, rolling back');
    await page.getByTestId('incident-acknowledge').click();
    await expect(page.getByTestId('incident-detail-state')).toHaveText('acknowledged');
    const failed = page.locator('[data-testid="timeline-event"][data-event-type="notify_failed"]');
    await expect(failed.filter({ hasText: `acknowledged notice to webhook "${HOOK}" dead-lettered: HTTP 500` })).toHaveCount(1);
    const acknowledgements = receiver.posts.filter((post) => post.event === 'incident.acknowledged');
    expect(acknowledgements).toHaveLength(3);
    expect(acknowledgements[0]?.body).toMatch(/^Acknowledged by a user after [\dhms ]+\. Note: on it, rolling back$/);
    await page.getByTestId('nav-dead-letters').click();
    await expect(letters).toHaveCount(1);
    await expect(letters.first()).toContainText(`acknowledged alert for ${SITE}`);
    await snap(page, testInfo, '04-second-dead-letter');
  });

  await test.step('Discard removes it; the incident timeline keeps a line saying so', async () => {
    await letters.first().getByTestId('dead-letter-discard').click();
    await expect(letters).toHaveCount(0);
    await expect(page.getByTestId('no-dead-letters')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('no-dead-letters')).toBeVisible();
    await snap(page, testInfo, '05-discarded');
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.locator('[data-testid="timeline-event"][data-event-type="alert_discarded"]')).toContainText(
      'Alert discarded · acknowledged notice discarded after: HTTP 500',
    );
    expect(receiver.posts.filter((post) => post.answered < 300)).toHaveLength(1); // the retried opening, nothing else
    await snap(page, testInfo, '06-incident-discarded');
  });

  await test.step('the channel is deleted from the channels page after a confirm; the toast names the monitor it leaves', async () => {
    await page.getByTestId('nav-channels').click();
    const row = page.getByTestId('channel-row').filter({ hasText: HOOK });
    await row.getByTestId('channel-delete').click();
    await expect(page.getByRole('dialog')).toContainText(`"${HOOK}" will be deleted`);
    await snap(page, testInfo, '07-channel-delete-confirm');
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect(row).toHaveCount(0);
    await expect(page.locator('mat-snack-bar-container')).toContainText(`Deleted "${HOOK}"; 1 monitor no longer alerts it: "${SITE}"`);
    await snap(page, testInfo, '08-channel-deleted');
    expect((await trpcQuery<{ channelIds: string[] }>(request, 'monitors.get', { id: monitor.id })).channelIds).toEqual([]);
  });
});

test('the bell counts a new in-app notification live, and marking read brings it to zero', async ({ page, request }, testInfo) => {
  const target = targets[1];
  if (!target) throw new Error('no target');
  const inbox = await trpcMutation<Ref>(request, 'channels.create', { name: INBOX, kind: 'in-app', config: {} });
  const monitor = await createMonitor(request, BELL_SITE, target.url, inbox.id);

  await page.goto('/');
  await expect(page.getByTestId('live-connection')).toHaveText(/Live/);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', /^\d+ unread notifications?$/);
  const before = Number((await bell.getAttribute('aria-label'))?.split(' ')[0]);
  await snap(page, testInfo, '09-bell-before');

  await test.step('the monitor goes down: the count goes up without a reload', async () => {
    await breakAndCheck(request, target, monitor);
    const after = before + 1;
    await expect(bell).toHaveAttribute('aria-label', after === 1 ? '1 unread notification' : `${after} unread notifications`);
    const badge = bell.locator('.mat-badge-content');
    await expect(badge).toHaveText(String(after));
    await expect(badge, 'the number is readable, not a bare dot').not.toHaveCSS('font-size', '0px');
    await snap(page, testInfo, '10-bell-counted');
  });

  await test.step('opened, the menu lists it; Mark all read brings the count to zero', async () => {
    await bell.click();
    await expect(page.getByTestId('notification-item').first()).toContainText(`${BELL_SITE} is DOWN`);
    await snap(page, testInfo, '11-bell-open');
    await page.getByTestId('notifications-mark-all').click();
    await expect(bell).toHaveAttribute('aria-label', '0 unread notifications');
    await page.keyboard.press('Escape');
    await expect(bell.locator('.mat-badge-content')).toBeHidden();
    await snap(page, testInfo, '12-bell-read');
  });
});
