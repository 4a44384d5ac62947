import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aHeartbeat } from '../data-access/monitor-fixtures';
import { browserTimeZone } from './kinds/heartbeat/heartbeat-form';
import { MonitorFormPage } from './monitor-form-page';

/** What only the kinds we probe have: a heartbeat's form neither shows nor sends them. */
const ACTIVE_LABELS = [
  'Interval (seconds)',
  'Timeout (ms)',
  'Failure threshold',
  'Retries',
  'Retry delay (ms)',
  'Recovery threshold',
  'Certificate alert (days left)',
  'Domain alert (days left)',
  'Reminders (days left)',
];

describe('MonitorForm: heartbeat', () => {
  let page: MonitorFormPage;

  const previewed = () => [...page.element.querySelectorAll('[data-testid="expected-ping"] time')];

  beforeEach(async () => {
    page = await MonitorFormPage.mount();
    await page.chooseKind('Heartbeat (job pings us)');
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  it('shows its own fields, in this browser’s zone, and none of the active kinds’', () => {
    expect(page.labels()).toEqual(expect.arrayContaining(['Name', 'Period (seconds)', 'Time zone', 'Grace (seconds)']));
    for (const label of [...ACTIVE_LABELS, 'Cron expression']) expect(page.labels()).not.toContain(label);
    expect(page.element.querySelector('[data-testid="advanced-panel"]')).toBeNull();
    expect(page.element.querySelector('[data-testid="expiry-alerts"]')).toBeNull();
    expect(page.input('Time zone').value).toBe(browserTimeZone());
  });

  it('creates a period heartbeat with exactly its fields, whatever the hidden active inputs hold', async () => {
    await page.chooseKind('HTTP(S)');
    page.type('Interval (seconds)', '5');
    await page.chooseKind('Heartbeat (job pings us)');
    page.store.create.mockResolvedValue(aHeartbeat());
    page.type('Name', 'Queue consumer');
    page.type('Period (seconds)', '600');
    page.type('Time zone', 'UTC');
    page.type('Grace (seconds)', '60');
    await page.fixture.whenStable();
    expect(previewed()).toHaveLength(5);
    await page.submit();

    expect(page.errorTexts()).toEqual([]);
    expect(page.store.create).toHaveBeenCalledWith({
      kind: 'heartbeat',
      name: 'Queue consumer',
      paused: false,
      periodSeconds: 600,
      cron: null,
      timezone: 'UTC',
      graceSeconds: 60,
    });
  });

  it('creates a cron heartbeat read in its zone, previewing the next 5 expected pings', async () => {
    await page.chooseSchedule('On a cron schedule');
    expect(page.labels()).not.toContain('Period (seconds)');
    page.type('Name', 'Nightly backup');
    page.type('Cron expression', '0 2 * * *');
    page.type('Time zone', 'Asia/Tokyo');
    await page.fixture.whenStable();

    // 02:00 in Tokyo is 17:00 UTC the day before, five days running.
    expect(previewed()).toHaveLength(5);
    for (const time of previewed()) {
      expect(time.textContent).toContain('02:00');
      expect(time.getAttribute('datetime')).toMatch(/T17:00:00\.000Z$/);
    }

    page.store.create.mockResolvedValue(aHeartbeat());
    await page.submit();
    expect(page.store.create).toHaveBeenCalledWith({
      kind: 'heartbeat',
      name: 'Nightly backup',
      paused: false,
      periodSeconds: null,
      cron: '0 2 * * *',
      timezone: 'Asia/Tokyo',
      graceSeconds: 300,
    });
  });

  it('previews nothing for a broken cron expression, and shows the contract’s message under it', async () => {
    await page.chooseSchedule('On a cron schedule');
    page.type('Name', 'Nightly backup');
    page.type('Cron expression', '0 2 * *');
    await page.submit();

    expect(previewed()).toHaveLength(0);
    expect(page.element.querySelector('[data-testid="no-preview"]')).toBeTruthy();
    expect(page.errorTexts()).toEqual(['cron must have 5 fields (minute hour day-of-month month day-of-week), not 4']);
    expect(page.input('Cron expression').getAttribute('aria-invalid')).toBe('true');
    expect(page.store.create).not.toHaveBeenCalled();
  });

  it('edits a heartbeat sending only its fields, and puts the server’s message under the field it names', async () => {
    const existing = aHeartbeat({ name: 'Backup', periodSeconds: null, cron: '0 2 * * *', timezone: 'Europe/Paris' });
    page = await MonitorFormPage.mount(existing, existing.id);
    expect(page.element.querySelector('[data-testid="monitor-kind"]')?.textContent).toContain('Heartbeat');
    expect(page.input('Cron expression').value).toBe('0 2 * * *');
    expect(page.input('Time zone').value).toBe('Europe/Paris');
    for (const label of ACTIVE_LABELS) expect(page.labels()).not.toContain(label);

    const message = 'cron cannot be set together with periodSeconds: choose one schedule';
    page.store.update.mockRejectedValueOnce(Object.assign(new Error(message), { data: { fieldErrors: { 'patch.cron': message } } }));
    page.type('Cron expression', '0 3 * * *');
    await page.submit();

    expect(page.store.update).toHaveBeenCalledWith(existing.id, {
      name: 'Backup',
      periodSeconds: null,
      cron: '0 3 * * *',
      timezone: 'Europe/Paris',
      graceSeconds: 300,
    });
    expect(page.errorTexts()).toEqual([message]);
    expect(page.input('Cron expression').getAttribute('aria-invalid')).toBe('true');
  });
});
