import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Full-page screenshot kept under test-results and attached to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Clicks "Check now" and waits until the row shows a newer check: the check ran and its event arrived. */
export async function checkNow(row: Locator): Promise<void> {
  const lastChecked = row.getByTestId('monitor-last-checked');
  const before = await lastChecked.getAttribute('datetime');
  expect(before, 'the monitor has been checked before').toBeTruthy();
  await row.getByTestId('check-now').click();
  await expect(lastChecked).not.toHaveAttribute('datetime', before ?? '', { timeout: 20_000 });
}

interface MonitorRef {
  id: string;
  name: string;
}

/** The monitors the api has, read the way the dashboard reads them (superjson over tRPC). */
export async function listMonitors(request: APIRequestContext): Promise<MonitorRef[]> {
  const response = await request.get('/trpc/monitors.list');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: MonitorRef[] } } };
  return body.result.data.json;
}

/** Clean-up after a failed run, so the next spec starts from an empty install. */
export async function deleteMonitorsNamed(request: APIRequestContext, name: string): Promise<void> {
  for (const monitor of await listMonitors(request)) {
    if (!monitor.name.startsWith(name)) continue;
    await request.post('/trpc/monitors.delete', { data: { json: { id: monitor.id } } });
  }
}
