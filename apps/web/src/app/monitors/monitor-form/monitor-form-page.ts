import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { Monitor } from '@mini-netumo/contracts';
import { vi } from 'vitest';
import { ChannelStore } from '../../channels/data-access/channel-store';
import { MonitorStore } from '../data-access/monitor-store';
import { MonitorForm } from './monitor-form';

/** Test code only: the store as the form sees it, only what it calls. */
function fakeStore(existing?: Monitor) {
  return {
    open: () => undefined,
    isSettled: () => signal(true),
    monitor: () => signal<Monitor | undefined>(existing),
    create: vi.fn<(input: unknown) => Promise<Monitor>>(),
    update: vi.fn<(id: string, patch: unknown) => Promise<Monitor>>(),
  };
}

/** Test code only: the monitor form mounted on a fake store, driven through its labels as a person would. */
export class MonitorFormPage {
  private constructor(
    readonly fixture: ComponentFixture<MonitorForm>,
    readonly store: ReturnType<typeof fakeStore>,
  ) {}

  /** Adding when no monitor is given; editing it (by `id`) otherwise. */
  static async mount(existing?: Monitor, id?: string): Promise<MonitorFormPage> {
    TestBed.resetTestingModule();
    const store = fakeStore(existing);
    TestBed.configureTestingModule({
      imports: [MonitorForm],
      providers: [
        provideRouter([]),
        { provide: MonitorStore, useValue: store },
        // Channels never load here: the picker leaves channelIds out, as when the list is unavailable.
        {
          provide: ChannelStore,
          useValue: { channels: signal(null), load: async () => undefined, monitorChannelIds: () => new Promise(() => undefined) },
        },
      ],
    });
    const fixture = TestBed.createComponent(MonitorForm);
    if (id) fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    return new MonitorFormPage(fixture, store);
  }

  get element(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  input(label: string): HTMLInputElement {
    const found = [...this.element.querySelectorAll('mat-form-field')].find(
      (field) => field.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const control = found?.querySelector('input');
    if (!control) throw new Error(`no field labelled ${label}`);
    return control;
  }

  type(label: string, value: string): void {
    const control = this.input(label);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  }

  async submit(): Promise<void> {
    this.element.querySelector<HTMLButtonElement>('[data-testid="save-monitor"]')?.click();
    await this.fixture.whenStable();
  }

  async chooseKind(label: string): Promise<void> {
    await this.checkToggle(label);
  }

  /** A heartbeat's "Every period" or "On a cron schedule". */
  async chooseSchedule(label: string): Promise<void> {
    await this.checkToggle(label);
  }

  select(field: string): Promise<MatSelectHarness> {
    return this.harnesses().getHarness(MatSelectHarness.with({ selector: `[data-field="${field}"]` }));
  }

  errorTexts = () => [...this.element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
  fieldError = () => this.element.querySelector('.field-error')?.textContent?.trim();
  labels = () => [...this.element.querySelectorAll('mat-form-field mat-label')].map((label) => label.textContent?.trim());
  panelExpanded = () => this.element.querySelector('mat-expansion-panel')?.classList.contains('mat-expanded');

  private async checkToggle(label: string): Promise<void> {
    await (await this.harnesses().getHarness(MatButtonToggleHarness.with({ text: label }))).check();
    await this.fixture.whenStable();
  }

  private harnesses() {
    return TestbedHarnessEnvironment.loader(this.fixture);
  }
}
