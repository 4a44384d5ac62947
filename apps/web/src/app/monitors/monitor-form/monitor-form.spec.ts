import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MonitorStore } from '../data-access/monitor-store';
import { MonitorForm } from './monitor-form';

/** The store as the form sees it: only what it calls. */
function fakeStore() {
  return {
    loaded: signal(true),
    monitor: () => signal<Monitor | undefined>(undefined),
    create: vi.fn<(input: unknown) => Promise<Monitor>>(),
    update: vi.fn(),
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

  beforeEach(async () => {
    store = fakeStore();
    TestBed.configureTestingModule({
      imports: [MonitorForm],
      providers: [provideRouter([]), { provide: MonitorStore, useValue: store }],
    });
    fixture = TestBed.createComponent(MonitorForm);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('labels every field for people and tests', () => {
    for (const label of ['Name', 'URL', 'Interval (seconds)', 'Timeout (ms)', 'Expected status codes', 'Failure threshold']) {
      expect(input(label)).toBeTruthy();
    }
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
});
