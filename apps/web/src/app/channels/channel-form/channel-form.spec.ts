import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Channel, ChannelInput } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelStore } from '../data-access/channel-store';
import { ChannelForm } from './channel-form';

const ID = '00000000-0000-4000-8000-00000000000a';
const at = new Date('2026-01-01T00:00:00Z');
const SAVED: Channel = {
  id: ID,
  name: 'Ops hook',
  kind: 'webhook',
  config: { url: 'https://hooks.example/x', secret: null, headers: {} },
  enabled: true,
  isDefault: false,
  fallbackChannelId: null,
  reminderIntervalMinutes: null,
  systemNotices: true,
  createdAt: at,
  updatedAt: at,
  lastDelivery: null,
};

describe('ChannelForm: system notices', () => {
  let fixture: ComponentFixture<ChannelForm>;
  let save: ReturnType<typeof vi.fn<(input: ChannelInput, id?: string) => Promise<Channel>>>;

  const element = () => fixture.nativeElement as HTMLElement;
  const toggle = () => element().querySelector<HTMLInputElement>('[data-testid="channel-system-notices"] input[type="checkbox"]');
  const type = (selector: string, value: string) => {
    const control = element().querySelector<HTMLInputElement>(selector);
    if (!control) throw new Error(`no ${selector}`);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="save-channel"]')?.click();
    await fixture.whenStable();
  };

  async function mount(id?: string): Promise<void> {
    save = vi.fn<(input: ChannelInput, id?: string) => Promise<Channel>>().mockResolvedValue(SAVED);
    TestBed.configureTestingModule({
      imports: [ChannelForm],
      providers: [
        provideRouter([]),
        { provide: ChannelStore, useValue: { channels: signal([]), load: async () => undefined, get: async () => SAVED, save } },
      ],
    });
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ChannelForm);
    if (id) fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  describe('adding', () => {
    beforeEach(() => mount());

    it('offers the choice, off by default, and says what it means', () => {
      expect(toggle()?.checked).toBe(false);
      expect(element().querySelector('[data-testid="channel-system-notices"]')?.textContent?.trim()).toBe(
        'Also send system notices (monitoring degraded / recovered)',
      );
    });

    it('sends systemNotices on create', async () => {
      type('[data-field="name"]', 'Ops hook');
      type('[data-field="config.url"]', 'https://hooks.example/x');
      await submit();
      expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Ops hook', systemNotices: false }), undefined);

      toggle()?.click();
      await submit();
      expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ systemNotices: true }), undefined);
    });
  });

  describe('editing', () => {
    beforeEach(() => mount(ID));

    it('shows the saved choice and sends the changed one on update', async () => {
      await vi.waitFor(() => {
        fixture.detectChanges();
        expect(toggle()?.checked).toBe(true);
      });
      toggle()?.click();
      await submit();
      expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Ops hook', systemNotices: false }), ID);
    });
  });
});
