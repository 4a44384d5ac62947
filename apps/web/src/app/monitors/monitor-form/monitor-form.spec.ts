import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aMonitor } from '../data-access/monitor-fixtures';
import { MonitorFormPage } from './monitor-form-page';

describe('MonitorForm', () => {
  let page: MonitorFormPage;

  beforeEach(async () => {
    page = await MonitorFormPage.mount();
  });

  it('labels every field for people and tests', () => {
    const labels = ['Name', 'URL', 'Interval (seconds)', 'Timeout (ms)', 'Expected status codes', 'Failure threshold'];
    const expiry = ['Certificate alert (days left)', 'Domain alert (days left)', 'Reminders (days left)'];
    const advanced = ['Max body size (bytes)', 'Max redirects', 'Retries', 'Retry delay (ms)', 'Recovery threshold'];
    for (const label of [...labels, ...expiry, ...advanced]) expect(page.input(label)).toBeTruthy();
    expect(page.element.querySelector('[data-testid="expiry-alerts"] legend')?.textContent?.trim()).toBe('Expiry alerts');
    expect(page.element.querySelector('textarea[data-field="body"]')).toBeTruthy();
  });

  it('opens the Advanced panel when a message lands inside it, and shows it under the field', async () => {
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    page.type('Retries', '9');
    expect(page.panelExpanded()).toBe(false);
    await page.submit();

    expect(page.panelExpanded()).toBe(true);
    expect(page.errorTexts()).toEqual(['retries must be at most 5']);
    expect(page.store.create).not.toHaveBeenCalled();
  });

  it('shows a nested body-check message under its own input', async () => {
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    await (await page.select('bodyAssertion.type')).clickOptions({ text: 'Body matches a regular expression' });
    page.type('Pattern', '(unclosed');
    await page.submit();

    expect(page.errorTexts()).toEqual([expect.stringMatching(/^bodyAssertion\.pattern is not a valid regular expression/)]);
    expect(page.input('Pattern').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends headers typed as rows, and reports a bad name under the rows', async () => {
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    page.element.querySelector<HTMLButtonElement>('[data-testid="add-header"]')?.click();
    await page.fixture.whenStable();
    page.type('Header name', 'Bad Name');
    page.type('Header value', 'x');
    await page.submit();
    expect(page.fieldError()).toBe('headers: "Bad Name" is not a valid header name');

    page.type('Header name', 'X-Token');
    page.store.create.mockResolvedValue(aMonitor());
    await page.submit();
    expect(page.fieldError()).toBeUndefined();
    expect(page.store.create).toHaveBeenCalledWith(expect.objectContaining({ headers: { 'X-Token': 'x' } }));
  });

  it('shows the contract message under the interval and sends nothing', async () => {
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    page.type('Interval (seconds)', '5');
    await page.submit();

    expect(page.errorTexts()).toEqual(['intervalSeconds must be at least 20']);
    expect(page.input('Interval (seconds)').getAttribute('aria-invalid')).toBe('true');
    expect(page.store.create).not.toHaveBeenCalled();
  });

  it('shows every bad field at once, and clears a message when its field is fixed', async () => {
    page.type('URL', 'not a url');
    await page.submit();
    expect(page.errorTexts()).toEqual(['name is required', 'url must be a valid absolute URL such as https://example.com']);

    page.type('Name', 'Example');
    await page.fixture.whenStable();
    expect(page.errorTexts()).toEqual(['url must be a valid absolute URL such as https://example.com']);
  });

  it('creates with the parsed values, disabling submit while saving', async () => {
    let finish: (monitor: Monitor) => void = () => undefined;
    page.store.create.mockReturnValue(new Promise<Monitor>((resolve) => (finish = resolve)));
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    page.type('Name', ' Example ');
    page.type('URL', 'https://example.com');
    page.type('Interval (seconds)', '60');

    page.element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]')?.click();
    page.fixture.detectChanges();
    const button = page.element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]');
    expect(button?.disabled).toBe(true);
    expect(page.store.create).toHaveBeenCalledWith({
      kind: 'http',
      name: 'Example',
      url: 'https://example.com',
      intervalSeconds: 60,
      timeoutMs: 10_000,
      expectedStatusCodes: '200-299',
      failureThreshold: 2,
      paused: false,
      method: 'GET',
      headers: {},
      body: null,
      bodyAssertion: null,
      maxBodyBytes: 1_048_576,
      followRedirects: true,
      maxRedirects: 5,
      ignoreTlsErrors: false,
      retries: 1,
      retryDelayMs: 500,
      recoveryThreshold: 1,
      tlsAlertDays: 14,
      domainAlertDays: 14,
      expiryReminderDays: [7, 3, 1],
    });

    finish({} as Monitor);
    await vi.waitFor(() => {
      expect(navigate).toHaveBeenCalledWith(['/']);
      expect(button?.disabled).toBe(false);
    });
  });

  it('shows a server validation error under its field and a general one above the form', async () => {
    page.store.create.mockRejectedValueOnce(new Error('url must not point at this server; queue unavailable'));
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    await page.submit();

    expect(page.errorTexts()).toEqual(['url must not point at this server']);
    expect(page.element.querySelector('[data-testid="form-error"]')?.textContent?.trim()).toBe('queue unavailable');
  });

  it('shows an expiry alert message under its field, from the form and from the server', async () => {
    page.type('Name', 'Example');
    page.type('URL', 'https://example.com');
    page.type('Reminders (days left)', '20, 3');
    await page.submit();
    expect(page.errorTexts()).toEqual(['expiryReminderDays must each be below tlsAlertDays and domainAlertDays (20 is not below 14)']);
    expect(page.input('Reminders (days left)').getAttribute('aria-invalid')).toBe('true');
    expect(page.store.create).not.toHaveBeenCalled();

    page.type('Reminders (days left)', '3');
    page.store.create.mockRejectedValueOnce(new Error('tlsAlertDays must be at most 365'));
    await page.submit();
    expect(page.store.create).toHaveBeenCalledWith(expect.objectContaining({ expiryReminderDays: [3] }));
    expect(page.errorTexts()).toEqual(['tlsAlertDays must be at most 365']);
    expect(page.input('Certificate alert (days left)').getAttribute('aria-invalid')).toBe('true');
  });

  it('fills the form from the monitor being edited and sends every field back but kind and paused', async () => {
    const existing = aMonitor({
      name: 'API',
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: '{"ping":true}',
      bodyAssertion: { type: 'json', path: 'status', op: 'equals', value: '"ok"' },
      followRedirects: false,
      retries: 2,
      tlsAlertDays: 30,
      expiryReminderDays: [10, 2],
    });
    page = await MonitorFormPage.mount(existing, existing.id);
    expect(page.input('Name').value).toBe('API');
    expect(page.input('Certificate alert (days left)').value).toBe('30');
    expect(page.input('Reminders (days left)').value).toBe('10, 2');
    expect(page.input('Header name').value).toBe('Accept');
    expect(page.input('JSON path').value).toBe('status');
    expect(page.input('Expected value').value).toBe('"ok"');
    expect(page.input('Max redirects').disabled).toBe(true);
    expect(await (await page.select('method')).getValueText()).toBe('POST');

    page.store.update.mockResolvedValue(existing);
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.submit();
    const [id, patch] = page.store.update.mock.calls[0] ?? [];
    expect(id).toBe(existing.id);
    expect(patch).toMatchObject({
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: '{"ping":true}',
      retries: 2,
      maxRedirects: 5,
      tlsAlertDays: 30,
      expiryReminderDays: [10, 2],
    });
    expect(patch).not.toHaveProperty('paused');
    expect(patch).not.toHaveProperty('kind');
  });
});
