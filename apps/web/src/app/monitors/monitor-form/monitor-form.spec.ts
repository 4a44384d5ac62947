import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aMonitor } from '../data-access/monitor-fixtures';
import { MonitorStore } from '../data-access/monitor-store';
import { ChannelStore } from '../../channels/data-access/channel-store';
import { MonitorForm } from './monitor-form';

/** The store as the form sees it: only what it calls. */
function fakeStore(existing?: Monitor) {
  return {
    loaded: signal(true),
    monitor: () => signal<Monitor | undefined>(existing),
    create: vi.fn<(input: unknown) => Promise<Monitor>>(),
    update: vi.fn<(id: string, patch: unknown) => Promise<Monitor>>(),
  };
}

describe('MonitorForm', () => {
  let fixture: ComponentFixture<MonitorForm>;
  let store: ReturnType<typeof fakeStore>;
  let element: HTMLElement;

  const input = (label: string): HTMLInputElement => {
    const found = [...element.querySelectorAll('mat-form-field')].find(
      (field) => field.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const control = found?.querySelector('input');
    if (!control) throw new Error(`no field labelled ${label}`);
    return control;
  };
  const type = (label: string, value: string) => {
    const control = input(label);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]')?.click();
    await fixture.whenStable();
  };
  const errorTexts = () => [...element.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());

  const fieldError = () => element.querySelector('.field-error')?.textContent?.trim();
  const panelExpanded = () => element.querySelector('mat-expansion-panel')?.classList.contains('mat-expanded');
  const select = (label: string) =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: `[data-field="${label}"]` }));

  async function mount(existing?: Monitor, id?: string): Promise<void> {
    TestBed.resetTestingModule();
    store = fakeStore(existing);
    TestBed.configureTestingModule({
      imports: [MonitorForm],
      providers: [
        provideRouter([]),
        { provide: MonitorStore, useValue: store },
        // Channels never load here: the picker leaves channelIds out, as when the list is unavailable.
        { provide: ChannelStore, useValue: { channels: signal(null), load: async () => undefined, monitorChannelIds: () => new Promise(() => undefined) } },
      ],
    });
    fixture = TestBed.createComponent(MonitorForm);
    if (id) fixture.componentRef.setInput('id', id);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(() => mount());

  it('labels every field for people and tests', () => {
    const labels = ['Name', 'URL', 'Interval (seconds)', 'Timeout (ms)', 'Expected status codes', 'Failure threshold'];
    const expiry = ['Certificate alert (days left)', 'Domain alert (days left)', 'Reminders (days left)'];
    const advanced = ['Max body size (bytes)', 'Max redirects', 'Retries', 'Retry delay (ms)', 'Recovery threshold'];
    for (const label of [...labels, ...expiry, ...advanced]) expect(input(label)).toBeTruthy();
    expect(element.querySelector('[data-testid="expiry-alerts"] legend')?.textContent?.trim()).toBe('Expiry alerts');
    expect(element.querySelector('textarea[data-field="body"]')).toBeTruthy();
  });

  it('opens the Advanced panel when a message lands inside it, and shows it under the field', async () => {
    type('Name', 'Example');
    type('URL', 'https://example.com');
    type('Retries', '9');
    expect(panelExpanded()).toBe(false);
    await submit();

    expect(panelExpanded()).toBe(true);
    expect(errorTexts()).toEqual(['retries must be at most 5']);
    expect(store.create).not.toHaveBeenCalled();
  });

  it('shows a nested body-check message under its own input', async () => {
    type('Name', 'Example');
    type('URL', 'https://example.com');
    await (await select('bodyAssertion.type')).clickOptions({ text: 'Body matches a regular expression' });
    type('Pattern', '(unclosed');
    await submit();

    expect(errorTexts()).toEqual([expect.stringMatching(/^bodyAssertion\.pattern is not a valid regular expression/)]);
    expect(input('Pattern').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends headers typed as rows, and reports a bad name under the rows', async () => {
    type('Name', 'Example');
    type('URL', 'https://example.com');
    element.querySelector<HTMLButtonElement>('[data-testid="add-header"]')?.click();
    await fixture.whenStable();
    type('Header name', 'Bad Name');
    type('Header value', 'x');
    await submit();
    expect(fieldError()).toBe('headers: "Bad Name" is not a valid header name');

    type('Header name', 'X-Token');
    store.create.mockResolvedValue(aMonitor());
    await submit();
    expect(fieldError()).toBeUndefined();
    expect(store.create).toHaveBeenCalledWith(expect.objectContaining({ headers: { 'X-Token': 'x' } }));
  });

  it('shows the contract message under the interval and sends nothing', async () => {
    type('Name', 'Example');
    type('URL', 'https://example.com');
    type('Interval (seconds)', '5');
    await submit();

    expect(errorTexts()).toEqual(['intervalSeconds must be at least 20']);
    expect(input('Interval (seconds)').getAttribute('aria-invalid')).toBe('true');
    expect(store.create).not.toHaveBeenCalled();
  });

  it('shows every bad field at once, and clears a message when its field is fixed', async () => {
    type('URL', 'not a url');
    await submit();
    expect(errorTexts()).toEqual(['name is required', 'url must be a valid absolute URL such as https://example.com']);

    type('Name', 'Example');
    await fixture.whenStable();
    expect(errorTexts()).toEqual(['url must be a valid absolute URL such as https://example.com']);
  });

  it('creates with the parsed values, disabling submit while saving', async () => {
    let finish: (monitor: Monitor) => void = () => undefined;
    store.create.mockReturnValue(new Promise<Monitor>((resolve) => (finish = resolve)));
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('Name', ' Example ');
    type('URL', 'https://example.com');
    type('Interval (seconds)', '60');

    element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]')?.click();
    fixture.detectChanges();
    const button = element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]');
    expect(button?.disabled).toBe(true);
    expect(store.create).toHaveBeenCalledWith({
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
    store.create.mockRejectedValueOnce(new Error('url must not point at this server; queue unavailable'));
    type('Name', 'Example');
    type('URL', 'https://example.com');
    await submit();

    expect(errorTexts()).toEqual(['url must not point at this server']);
    expect(element.querySelector('[data-testid="form-error"]')?.textContent?.trim()).toBe('queue unavailable');
  });

  it('shows an expiry alert message under its field, from the form and from the server', async () => {
    type('Name', 'Example');
    type('URL', 'https://example.com');
    type('Reminders (days left)', '20, 3');
    await submit();
    expect(errorTexts()).toEqual(['expiryReminderDays must each be below tlsAlertDays and domainAlertDays (20 is not below 14)']);
    expect(input('Reminders (days left)').getAttribute('aria-invalid')).toBe('true');
    expect(store.create).not.toHaveBeenCalled();

    type('Reminders (days left)', '3');
    store.create.mockRejectedValueOnce(new Error('tlsAlertDays must be at most 365'));
    await submit();
    expect(store.create).toHaveBeenCalledWith(expect.objectContaining({ expiryReminderDays: [3] }));
    expect(errorTexts()).toEqual(['tlsAlertDays must be at most 365']);
    expect(input('Certificate alert (days left)').getAttribute('aria-invalid')).toBe('true');
  });

  it('fills the form from the monitor being edited and sends every field back but paused', async () => {
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
    await mount(existing, existing.id);
    expect(input('Name').value).toBe('API');
    expect(input('Certificate alert (days left)').value).toBe('30');
    expect(input('Reminders (days left)').value).toBe('10, 2');
    expect(input('Header name').value).toBe('Accept');
    expect(input('JSON path').value).toBe('status');
    expect(input('Expected value').value).toBe('"ok"');
    expect(input('Max redirects').disabled).toBe(true);
    expect(await (await select('method')).getValueText()).toBe('POST');

    store.update.mockResolvedValue(existing);
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await submit();
    const [id, patch] = store.update.mock.calls[0] ?? [];
    expect(id).toBe(existing.id);
    expect(patch).toMatchObject({ method: 'POST', headers: { Accept: 'application/json' }, body: '{"ping":true}', retries: 2, maxRedirects: 5, tlsAlertDays: 30, expiryReminderDays: [10, 2] });
    expect(patch).not.toHaveProperty('paused');
  });
});
