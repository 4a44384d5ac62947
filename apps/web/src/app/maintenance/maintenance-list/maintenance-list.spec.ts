import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import type { MaintenanceWindow, MaintenanceWindowInput } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aMonitor } from '../../monitors/data-access/monitor-fixtures';
import { MonitorStore } from '../../monitors/data-access/monitor-store';
import { TRPC } from '../../trpc/trpc';
import { MaintenanceList } from './maintenance-list';

const MONITOR = aMonitor({ name: 'Shop' });

const BACKUPS: MaintenanceWindow = {
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'Backups',
  monitorId: null,
  schedule: { type: 'cron', expression: '0 2 * * 0', durationMinutes: 120, timeZone: 'Europe/Paris' },
  activeNow: false,
  createdAt: new Date('2026-11-01T00:00:00Z'),
};

describe('MaintenanceList', () => {
  let fixture: ComponentFixture<MaintenanceList>;
  let element: HTMLElement;
  let list: ReturnType<typeof vi.fn<() => Promise<MaintenanceWindow[]>>>;
  let create: ReturnType<typeof vi.fn<(input: MaintenanceWindowInput) => Promise<MaintenanceWindow>>>;

  const field = (label: string): HTMLElement => {
    const found = [...element.querySelectorAll<HTMLElement>('mat-form-field')].find(
      (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
    );
    if (!found) throw new Error(`no field labelled ${label}`);
    return found;
  };
  const type = (label: string, value: string) => {
    const input = field(label).querySelector('input');
    if (!input) throw new Error(`no input in ${label}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const errorUnder = (label: string) => field(label).querySelector('.field-error')?.textContent?.trim() ?? null;
  const banner = () => element.querySelector('[data-testid="form-error"]')?.textContent?.trim() ?? null;
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="save-maintenance"]')?.click();
    await fixture.whenStable();
  };
  async function chooseCron(): Promise<void> {
    const toggle = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatButtonToggleHarness.with({ text: 'Cron' }));
    await toggle.check();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    list = vi.fn(async () => [BACKUPS]);
    create = vi.fn(async () => BACKUPS);
    TestBed.configureTestingModule({
      providers: [
        {
          provide: TRPC,
          useValue: { maintenanceWindows: { list: { query: list }, create: { mutate: create }, delete: { mutate: vi.fn() } } },
        },
        { provide: MonitorStore, useValue: { monitors: signal([MONITOR]), load: () => undefined } },
      ],
    });
    fixture = TestBed.createComponent(MaintenanceList);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('lists a cron window with its expression, duration and zone', () => {
    const row = element.querySelector('[data-testid="maintenance-window"]')?.textContent?.replace(/\s+/g, ' ');
    expect(row).toContain('Backups');
    expect(row).toContain('All monitors · cron "0 2 * * 0" for 120 min (Europe/Paris)');
  });

  it('adds a cron window with what was typed', async () => {
    type('Name', 'Nightly');
    await chooseCron();
    type('Cron expression', '*/15 1-3 * * mon-fri');
    type('Duration (minutes)', '10');
    type('Time zone', 'America/New_York');
    await submit();
    expect(create).toHaveBeenCalledWith({
      name: 'Nightly',
      monitorId: null,
      schedule: { type: 'cron', expression: '*/15 1-3 * * mon-fri', durationMinutes: 10, timeZone: 'America/New_York' },
    });
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('shows what is wrong under each field before asking the server', async () => {
    type('Name', 'Nightly');
    await chooseCron();
    type('Cron expression', '61 2 * * *');
    type('Duration (minutes)', '0');
    type('Time zone', 'Mars/Olympus');
    await submit();
    expect(create).not.toHaveBeenCalled();
    expect(errorUnder('Cron expression')).toBe('expression: minute field "61" is out of range 0-59');
    expect(errorUnder('Duration (minutes)')).toBe('durationMinutes must be at least 1');
    expect(errorUnder('Time zone')).toBe('timeZone must be an IANA time zone such as Europe/Paris');
    expect(banner()).toBeNull();
  });

  it("shows the server's field errors next to their fields", async () => {
    create.mockRejectedValueOnce(
      Object.assign(new Error('expression never fires: day-of-month "31" does not occur in month "2"'), {
        data: { fieldErrors: { 'schedule.expression': 'expression never fires: day-of-month "31" does not occur in month "2"' } },
      }),
    );
    type('Name', 'Nightly');
    await chooseCron();
    await submit();
    expect(errorUnder('Cron expression')).toBe('expression never fires: day-of-month "31" does not occur in month "2"');

    create.mockRejectedValueOnce(new Error(`monitorId: monitor ${MONITOR.id} does not exist`));
    await submit();
    expect(errorUnder('Cron expression')).toBeNull();
    expect(errorUnder('Monitor')).toBe(`monitorId: monitor ${MONITOR.id} does not exist`);
    expect(banner()).toBeNull();
  });
});
