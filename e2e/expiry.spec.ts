import { expect, test, type APIRequestContext } from '@playwright/test';
import { FAKE_DAYS_LEFT, FAKE_REGISTRAR } from './fake-whois';
import { deleteMonitorsNamed, snap } from './page-steps';
import { issueCertificate, startHttpsTarget, testCaIn } from './test-certificates';

const PREFIX = 'E2E expiry';
const CERT_MONITOR = `${PREFIX} certificate`;
const DOMAIN_MONITOR = `${PREFIX} domain`;
/** A made-up name: it resolves nowhere, so only its registration (from the fake WHOIS) can be read. */
const DOMAIN_URL = 'https://shop.example-e2e.test/';

interface CreatedMonitor {
  id: string;
  name: string;
}

let site: Awaited<ReturnType<typeof startHttpsTarget>> | undefined;
let certMonitor: CreatedMonitor;
let domainMonitor: CreatedMonitor;

/** A tRPC call the way the dashboard makes it (superjson envelope); the data, or the test fails with the error. */
async function trpc<T>(request: APIRequestContext, kind: 'query' | 'mutation', path: string, input: unknown): Promise<T> {
  const response =
    kind === 'query'
      ? await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await request.post(`/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

const createMonitor = (request: APIRequestContext, name: string, url: string) =>
  trpc<CreatedMonitor>(request, 'mutation', 'monitors.create', { name, url, intervalSeconds: 3_600 });

test.beforeAll(async ({ request }) => {
  const caDir = process.env.E2E_CA_DIR;
  if (!caDir) throw new Error('E2E_CA_DIR is unset: run through e2e/playwright.config.ts, which makes the test CA');
  // 11 days from now: the whole days left read 10 for the rest of the run.
  site = await startHttpsTarget(issueCertificate(testCaIn(caDir), { ip: '127.0.0.1', days: 11 }));
  // Saving a monitor queues its first certificate read and domain lookup.
  certMonitor = await createMonitor(request, CERT_MONITOR, site.url);
  domainMonitor = await createMonitor(request, DOMAIN_MONITOR, DOMAIN_URL);
});

test.afterAll(async ({ request }) => {
  await site?.close();
  // The lifecycle spec expects an empty install.
  await deleteMonitorsNamed(request, PREFIX);
});

test('the Expiring soon page lists a certificate and a domain registration running out', async ({ page }, testInfo) => {
  const rows = page.getByTestId('expiry-row');
  const certRow = rows.filter({ hasText: CERT_MONITOR });
  const domainRow = rows.filter({ hasText: DOMAIN_MONITOR });

  await test.step('within 30 days: the certificate made for this run, 10 days left, expiring', async () => {
    await page.goto('/');
    await page.getByTestId('nav-expiring').click();
    await expect(page).toHaveURL(/\/expiring$/);
    await expect(page.getByRole('heading', { name: 'Expiring soon' })).toBeVisible();
    // The page reloads itself when the worker's tls.status event arrives.
    await expect(certRow).toHaveCount(1, { timeout: 30_000 });
    await expect(certRow.getByTestId('expiry-kind')).toHaveText('Certificate');
    await expect(certRow.getByTestId('expiry-subject')).toHaveText('127.0.0.1');
    await expect(certRow.getByTestId('expiry-days-left')).toHaveText('10 days left');
    await expect(certRow.getByTestId('expiry-days-left')).toHaveClass(/days-amber/);
    await expect(certRow.getByTestId('expiry-state')).toHaveText('expiring');
  });

  await test.step('within 90 days: also the registration the fake WHOIS gives 40 days', async () => {
    await page.getByTestId('within-90').click();
    await expect(page).toHaveURL(/\/expiring\?within=90$/);
    await expect(domainRow).toHaveCount(1, { timeout: 30_000 });
    await expect(domainRow.getByTestId('expiry-kind')).toHaveText('Domain');
    await expect(domainRow.getByTestId('expiry-subject')).toHaveText('example-e2e.test');
    await expect(domainRow.getByTestId('expiry-days-left')).toHaveText(`${FAKE_DAYS_LEFT} days left`);
    await expect(domainRow.getByTestId('expiry-state')).toHaveText('ok');
    await expect(domainRow).toContainText(FAKE_REGISTRAR);
    await expect(certRow).toHaveCount(1);
    await snap(page, testInfo, 'expiring-soon-90-days');
  });

  await test.step('back to 30 days: the 40-day registration drops out', async () => {
    await page.getByTestId('within-30').click();
    await expect(domainRow).toHaveCount(0);
    await expect(certRow).toHaveCount(1);
  });

  await test.step('the api is honest about what it cannot know', async () => {
    // An IP target has no registration: no domain, no state, never a made-up "ok".
    const ipDomain = await trpc<{ registrableDomain: string | null; state: string | null }>(page.request, 'query', 'domains.get', {
      monitorId: certMonitor.id,
    });
    expect(ipDomain).toMatchObject({ registrableDomain: null, state: null });
    // A name that resolves nowhere has no certificate: an error, not a countdown.
    const namelessTls = () =>
      trpc<{ state: string | null; errorKind: string | null; daysRemaining: number | null }>(page.request, 'query', 'tls.get', {
        monitorId: domainMonitor.id,
      });
    await expect.poll(async () => (await namelessTls()).state, { timeout: 30_000 }).toBe('error');
    expect(await namelessTls()).toMatchObject({ daysRemaining: null, errorKind: expect.stringMatching(/^(dns|timeout)$/) });
  });
});

test('the monitor page shows the certificate and domain panels', async ({ page }, testInfo) => {
  await page.goto(`/monitors/${certMonitor.id}`);
  await expect(page.getByTestId('monitor-title')).toHaveText(CERT_MONITOR);
  await expect(page.getByTestId('monitor-expiry')).toBeVisible();

  await test.step('an IP target: the certificate per address, and no registration to watch', async () => {
    const tls = page.getByTestId('tls-panel');
    await expect(tls.getByTestId('tls-days-left')).toHaveText('10 days left');
    await expect(tls.getByTestId('tls-state')).toHaveText('expiring');
    await expect(tls.getByTestId('tls-issuer')).toContainText('mini-netumo e2e CA');
    const address = tls.getByTestId('tls-address');
    await expect(address).toHaveCount(1);
    await expect(address.getByTestId('tls-chain')).toHaveText('trusted');
    await expect(address.getByTestId('tls-hostname')).toHaveText('covers 127.0.0.1');
    await expect(page.getByTestId('domain-panel').getByTestId('domain-none')).toBeVisible();
    await snap(page, testInfo, 'monitor-certificate-panels');
  });

  await test.step('a made-up name: the registration from WHOIS, and the certificate read failing on DNS', async () => {
    await page.goto(`/monitors/${domainMonitor.id}`);
    await expect(page.getByTestId('monitor-title')).toHaveText(DOMAIN_MONITOR);
    const domain = page.getByTestId('domain-panel');
    await expect(domain.getByTestId('domain-days-left')).toHaveText(`${FAKE_DAYS_LEFT} days left`);
    await expect(domain.getByTestId('domain-state')).toHaveText('ok');
    await expect(domain.getByTestId('domain-source')).toHaveText('WHOIS');
    await expect(domain.getByTestId('domain-registrar')).toHaveText(FAKE_REGISTRAR);
    await expect(page.getByTestId('tls-panel').getByTestId('tls-state')).toHaveText('error');
    await expect(page.getByTestId('tls-panel').getByTestId('tls-days-left')).toHaveText('no certificate read');
    await snap(page, testInfo, 'monitor-domain-panels');
  });
});
