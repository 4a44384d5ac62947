import { expect, test } from '@playwright/test';
import { deleteMonitorsNamed } from './page-steps';
import { deleteChannelsNamed, trpcMutation, trpcQuery } from './trpc-calls';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** Everything this spec makes starts with this, so clean-up finds it. */
const PREFIX = 'E2E silence';
const HOOK = `${PREFIX} hook`;
const NAME = `${PREFIX} heartbeat`;
const PERIOD_S = 20;
const GRACE_S = 5;

/** What the api answers, read over tRPC: dates arrive as ISO strings (the spec reads superjson's `json` only). */
interface Heartbeat {
  id: string;
  status: string;
  lastError: string | null;
  pingUrl: string;
  lastPingAt: string | null;
  expectedAt: string | null;
  deadlineAt: string | null;
}
interface Result {
  verdict: string;
  checkedAt: string;
  errorKind: string | null;
  errorMessage: string | null;
}
interface Incident {
  id: string;
  state: string;
  kind: string;
  cause: string | null;
}

let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, PREFIX);
  await deleteChannelsNamed(request, PREFIX);
  await receiver?.close();
});

test('a silent heartbeat goes DOWN (missed) at its deadline and alerts its webhook; a ping recovers it; the public port serves pings only', async ({
  page,
  request,
}) => {
  test.setTimeout(80_000);
  const at = (iso: string | null) => (iso === null ? NaN : Date.parse(iso));
  const get = () => trpcQuery<Heartbeat>(request, 'monitors.get', { id: monitor.id });
  const results = () => trpcQuery<Result[]>(request, 'results.recent', { monitorId: monitor.id });
  const incidents = () => trpcQuery<Incident[]>(request, 'incidents.list', { monitorId: monitor.id });
  const postsFor = (event: string) => receiver.posts.filter((post) => post.event === event);

  const hook = await trpcMutation<{ id: string }>(request, 'channels.create', {
    name: HOOK,
    kind: 'webhook',
    config: { url: receiver.url },
  });
  const monitor = await trpcMutation<Heartbeat & { channelIds: string[] }>(request, 'monitors.create', {
    kind: 'heartbeat',
    name: NAME,
    periodSeconds: PERIOD_S,
    graceSeconds: GRACE_S,
    channelIds: [hook.id],
  });
  expect(monitor).toMatchObject({ status: 'pending', channelIds: [hook.id], deadlineAt: null });
  const pingUrl = monitor.pingUrl;
  expect(pingUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ping\/[A-Za-z0-9_-]{24}$/);
  const publicBase = new URL(pingUrl).origin;

  await page.goto('/');
  await expect(page.getByTestId('live-connection')).toHaveText(/Live/);
  const status = page.getByTestId('monitor-row').filter({ hasText: NAME }).getByTestId('monitor-status');
  await expect(status).toHaveText('pending');

  await test.step('the public port serves nothing private, and a malformed or unknown key is a bare 404', async () => {
    for (const path of ['/trpc/monitors.list', '/', '/ping/malformed', '/ping/AAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await request.get(`${publicBase}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toBe('not found\n');
    }
  });

  const pinged = await test.step('a ping on the public port is answered 200 and turns it up, due again in period + grace', async () => {
    const response = await request.get(pingUrl);
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('OK\n');
    const up = await get();
    expect(up.status).toBe('up');
    expect(at(up.deadlineAt) - at(up.lastPingAt)).toBe((PERIOD_S + GRACE_S) * 1_000);
    await expect(status).toHaveText('up');
    return up;
  });

  const incident = await test.step('left silent, it is DOWN (missed) 25 s after the ping, with an incident and a notice', async () => {
    await expect.poll(async () => (await get()).status, { timeout: 45_000, intervals: [1_000] }).toBe('down');
    const down = await get();
    const expected = new Date(at(pinged.expectedAt)).toISOString();
    expect(down.lastError).toBe(`no ping within ${GRACE_S} s of ${expected}`);
    const [missed, ...earlier] = await results();
    if (!missed) throw new Error('no result');
    expect(missed).toMatchObject({ verdict: 'down', errorKind: 'missed' });
    expect(earlier.map((result) => result.verdict)).toEqual(['up']);
    // Decided at the deadline, by a sweeper that sleeps at most a second: not early, not much later.
    const lag = at(missed.checkedAt) - at(pinged.lastPingAt);
    expect(lag).toBeGreaterThanOrEqual((PERIOD_S + GRACE_S) * 1_000);
    expect(lag).toBeLessThan((PERIOD_S + GRACE_S + 3) * 1_000);
    await expect(status).toHaveText('down');

    const [opened, ...others] = await incidents();
    if (!opened) throw new Error('no incident');
    expect(others).toHaveLength(0);
    expect(opened).toMatchObject({ kind: 'down', state: 'open', cause: down.lastError });
    await expect.poll(() => postsFor('incident.opened').length, { timeout: 15_000 }).toBe(1);
    expect(postsFor('incident.opened')[0]).toMatchObject({ incidentId: opened.id, title: `${NAME} is DOWN`, answered: 204 });
    return opened;
  });

  await test.step('pinged again it recovers: up, the incident resolved, and the webhook gets the recovery', async () => {
    expect((await request.get(pingUrl)).status()).toBe(200);
    expect((await get()).status).toBe('up');
    expect((await trpcQuery<Incident>(request, 'incidents.get', { id: incident.id })).state).toBe('resolved');
    await expect(status).toHaveText('up');
    await expect.poll(() => postsFor('incident.resolved').length, { timeout: 15_000 }).toBe(1);
    expect(postsFor('incident.resolved')[0]).toMatchObject({ incidentId: incident.id, title: `${NAME} is UP again`, answered: 204 });
    expect(receiver.posts.map((post) => post.event)).toEqual(['incident.opened', 'incident.resolved']);
  });
});
