import { createServer, type Server, type Socket } from 'node:net';
import { expect, test } from '@playwright/test';
// The file itself, not the testing index: the index loads server code the Playwright runner cannot load.
import { startDnsTestServer, type DnsTestServer } from '@mini-netumo/domain/testing/dns-test-server';
import { checkNow, deleteMonitorsNamed, snap } from './page-steps';

const TCP_NAME = 'E2E cache port';
const DNS_NAME = 'E2E app record';

/** A service on 127.0.0.1 that answers `+PONG` to `PING`, and can be stopped and started on its port. */
class PingService {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('data', (chunk) => chunk.toString().includes('PING') && socket.write('+PONG\r\n'));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let service: PingService;
let dns: DnsTestServer;

test.beforeAll(async () => {
  service = new PingService();
  await service.start();
  dns = await startDnsTestServer({ 'app.localhost': { A: ['127.0.0.1'] } });
});

test.afterAll(async ({ request }) => {
  await deleteMonitorsNamed(request, TCP_NAME);
  await deleteMonitorsNamed(request, DNS_NAME);
  await service?.stop();
  await dns?.close();
});

test('a TCP monitor made in the dashboard goes down with an incident when its port closes, and recovers', async ({ page }, testInfo) => {
  await page.goto('/monitors/new');
  await page.getByTestId('kind-tcp').click();
  await expect(page.getByLabel('URL', { exact: true })).toHaveCount(0);
  await page.getByLabel('Name', { exact: true }).fill(TCP_NAME);
  await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');

  await test.step('a port out of range is refused under its field, and nothing is saved', async () => {
    await page.getByLabel('Port', { exact: true }).fill('70000');
    await page.getByTestId('save-monitor').click();
    await expect(page.getByText('port must be at most 65535')).toBeVisible();
    await expect(page).toHaveURL(/\/monitors\/new$/);
    await snap(page, testInfo, 'tcp-01-port-refused');
  });

  await page.getByLabel('Port', { exact: true }).fill(String(service.port));
  await page.getByLabel('Send (optional)', { exact: true }).fill('PING\\r\\n');
  await page.getByLabel('Expect (optional)', { exact: true }).fill('+PONG');
  await page.getByLabel('Interval (seconds)', { exact: true }).fill('60');
  await page.getByTestId('save-monitor').click();
  await expect(page).toHaveURL(/\/$/);

  const row = page.getByTestId('monitor-row').filter({ hasText: TCP_NAME });
  const status = row.getByTestId('monitor-status');
  await expect(row).toContainText(`127.0.0.1:${service.port}`);
  await expect(status).toHaveText('up', { timeout: 30_000 });
  await snap(page, testInfo, 'tcp-02-up');

  await service.stop();
  await checkNow(row);
  await checkNow(row);
  await expect(status).toHaveText('down');
  await page.getByTestId('nav-incidents').click();
  const incident = page.getByTestId('incident-row').filter({ hasText: TCP_NAME });
  await expect(incident.getByTestId('incident-state')).toHaveText('open');
  await snap(page, testInfo, 'tcp-03-incident-open');

  await service.start();
  await page.getByRole('link', { name: 'Monitors', exact: true }).click();
  await checkNow(row);
  await expect(status).toHaveText('up');
  await page.getByTestId('nav-incidents').click();
  await expect(incident.getByTestId('incident-state')).toHaveText('resolved');
});

test('a DNS monitor made in the dashboard goes down on an unexpected answer, and recovers', async ({ page }, testInfo) => {
  await page.goto('/monitors/new');
  await page.getByTestId('kind-dns').click();
  await page.getByLabel('Name', { exact: true }).fill(DNS_NAME);
  await page.getByLabel('Hostname', { exact: true }).fill('app.localhost');
  await page.getByLabel('Resolver (optional)', { exact: true }).fill('dns.example');
  await page.getByTestId('save-monitor').click();
  await expect(page.getByText(/resolver must be an IP address/)).toBeVisible();

  await page.getByLabel('Resolver (optional)', { exact: true }).fill(dns.resolver);
  await page.getByLabel('Expected answer (optional)', { exact: true }).fill('127.0.0.1');
  await page.getByLabel('Interval (seconds)', { exact: true }).fill('60');
  await page.getByTestId('save-monitor').click();
  await expect(page).toHaveURL(/\/$/);

  const row = page.getByTestId('monitor-row').filter({ hasText: DNS_NAME });
  const status = row.getByTestId('monitor-status');
  await expect(row).toContainText(`A app.localhost @${dns.resolver}`);
  await expect(status).toHaveText('up', { timeout: 30_000 });

  dns.setEntry('app.localhost', { A: ['127.0.0.2'] });
  await checkNow(row);
  await checkNow(row);
  await expect(status).toHaveText('down');
  await snap(page, testInfo, 'dns-01-down');

  await row.getByRole('link', { name: DNS_NAME }).click();
  await expect(page.getByText('mismatch').first()).toBeVisible();
  await snap(page, testInfo, 'dns-02-detail');

  dns.setEntry('app.localhost', { A: ['127.0.0.1'] });
  await page.getByRole('link', { name: 'Monitors', exact: true }).click();
  await checkNow(row);
  await expect(status).toHaveText('up');
});
