import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aDnsMonitor, aMonitor } from '../data-access/monitor-fixtures';
import { MonitorFormPage } from './monitor-form-page';

describe('MonitorForm: kinds', () => {
  let page: MonitorFormPage;

  beforeEach(async () => {
    page = await MonitorFormPage.mount();
  });

  const TCP_LABELS = ['Host', 'Port', 'TLS server name (optional)', 'Send (optional)', 'Expect (optional)'];
  const DNS_LABELS = ['Hostname', 'Record type', 'Resolver (optional)', 'Expected answer (optional)'];

  it('shows the chosen kind’s fields only, and keeps what was typed in the others', async () => {
    page.type('URL', 'https://kept.example');
    expect(page.labels()).toEqual(expect.arrayContaining(['URL', 'Expected status codes', 'Body check']));

    await page.chooseKind('TCP port');
    expect(page.labels()).toEqual(expect.arrayContaining(TCP_LABELS));
    expect(page.labels()).not.toContain('URL');
    expect(page.labels()).not.toContain('Body check');
    expect(page.labels()).toEqual(expect.arrayContaining(['Name', 'Interval (seconds)', 'Retries', 'Reminders (days left)']));
    expect(page.element.querySelector('mat-panel-description')?.textContent?.trim()).toBe('Retries and recovery');

    await page.chooseKind('DNS record');
    expect(page.labels()).toEqual(expect.arrayContaining(DNS_LABELS));
    expect(page.labels()).not.toContain('Port');

    await page.chooseKind('HTTP(S)');
    expect(page.input('URL').value).toBe('https://kept.example');
  });

  it('creates a TCP monitor with its own fields, typed escapes sent as bytes', async () => {
    page.store.create.mockResolvedValue(aMonitor());
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.chooseKind('TCP port');
    page.type('Name', 'Redis');
    page.type('Host', 'Redis.Internal');
    page.type('Port', '6379');
    page.type('Send (optional)', 'PING\\r\\n');
    page.type('Expect (optional)', '+PONG');
    await page.submit();

    expect(page.store.create).toHaveBeenCalledTimes(1);
    const [created] = page.store.create.mock.calls[0] ?? [];
    expect(created).toMatchObject({
      kind: 'tcp',
      name: 'Redis',
      host: 'redis.internal',
      port: 6379,
      tls: false,
      tlsServerName: null,
      send: 'PING\r\n',
      expect: '+PONG',
    });
    expect(created).not.toHaveProperty('url');
    expect(created).not.toHaveProperty('method');
  });

  it('shows the contract’s messages under port, record type and resolver', async () => {
    await page.chooseKind('TCP port');
    page.type('Name', 'Redis');
    page.type('Host', '127.0.0.1');
    page.type('Port', '70000');
    await page.submit();
    expect(page.errorTexts()).toEqual(['port must be at most 65535']);
    expect(page.input('Port').getAttribute('aria-invalid')).toBe('true');

    await page.chooseKind('DNS record');
    page.type('Hostname', 'example.com');
    page.type('Resolver (optional)', 'dns.google');
    await page.fixture.whenStable();
    expect(page.errorTexts()).toEqual(['resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "dns.google"']);
    expect(page.input('Resolver (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(page.store.create).not.toHaveBeenCalled();
  });

  it('puts a record type the server refuses under the record type', async () => {
    page.store.create.mockRejectedValueOnce(
      Object.assign(new Error('x'), { data: { fieldErrors: { recordType: 'recordType must be one of A, AAAA, CNAME, MX, TXT, NS' } } }),
    );
    await page.chooseKind('DNS record');
    page.type('Name', 'Zone');
    page.type('Hostname', 'example.com');
    await (await page.select('recordType')).clickOptions({ text: 'MX' });
    await page.submit();

    expect(page.store.create).toHaveBeenCalledWith(expect.objectContaining({ kind: 'dns', recordType: 'MX' }));
    expect(page.errorTexts()).toEqual(['recordType must be one of A, AAAA, CNAME, MX, TXT, NS']);
    expect(page.element.querySelector('[data-field="recordType"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('edits a DNS monitor with its kind fixed, sending only DNS fields', async () => {
    const existing = aDnsMonitor({ name: 'Zone', recordType: 'MX', resolver: '127.0.0.1:5353', expected: 'mail.example.com' });
    page = await MonitorFormPage.mount(existing, existing.id);
    expect(page.element.querySelector('mat-button-toggle-group')).toBeNull();
    expect(page.element.querySelector('[data-testid="monitor-kind"]')?.textContent).toContain('DNS record');
    expect(page.input('Hostname').value).toBe('example.com');
    expect(page.input('Resolver (optional)').value).toBe('127.0.0.1:5353');
    expect(await (await page.select('recordType')).getValueText()).toBe('MX');

    page.type('Expected answer (optional)', '');
    page.store.update.mockResolvedValue(existing);
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.submit();
    const [id, patch] = page.store.update.mock.calls[0] ?? [];
    expect(id).toBe(existing.id);
    expect(patch).toEqual({
      name: 'Zone',
      intervalSeconds: 60,
      timeoutMs: 10_000,
      failureThreshold: 2,
      retries: 1,
      retryDelayMs: 500,
      recoveryThreshold: 1,
      tlsAlertDays: 14,
      domainAlertDays: 14,
      expiryReminderDays: [7, 3, 1],
      hostname: 'example.com',
      recordType: 'MX',
      resolver: '127.0.0.1:5353',
      expected: null,
    });
  });
});
