import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import type { Channel } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TRPC } from '../../trpc/trpc';
import { ChannelList } from './channel-list';

const at = new Date('2026-01-01T00:00:00Z');
const channel = (id: string, name: string, fallbackChannelId: string | null = null, systemNotices = false): Channel => ({
  id,
  name,
  kind: 'webhook',
  config: { url: 'https://hooks.example/x', secret: null, headers: {} },
  enabled: true,
  isDefault: false,
  fallbackChannelId,
  reminderIntervalMinutes: null,
  systemNotices,
  createdAt: at,
  updatedAt: at,
  lastDelivery: null,
});

const PAGER = channel('00000000-0000-4000-8000-00000000000a', 'Pager', '00000000-0000-4000-8000-00000000000b', true);
const BACKUP = channel('00000000-0000-4000-8000-00000000000b', 'Backup');

describe('ChannelList: delete', () => {
  let fixture: ComponentFixture<ChannelList>;
  let channels: Channel[];
  let remove: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<unknown>>>;

  const element = () => fixture.nativeElement as HTMLElement;
  const rowOf = (name: string) =>
    [...element().querySelectorAll<HTMLElement>('[data-testid="channel-row"]')].find(
      (row) => row.querySelector('[data-testid="channel-name"]')?.textContent?.trim() === name,
    );
  const names = () => [...element().querySelectorAll('[data-testid="channel-name"]')].map((link) => link.textContent?.trim());
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  /** Clicks Delete on a row and answers the confirm dialog; returns the dialog's text. */
  async function deleteRow(name: string, confirm: boolean): Promise<string> {
    rowOf(name)?.querySelector<HTMLButtonElement>('[data-testid="channel-delete"]')?.click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    const text = `${await dialog.getTitleText()} ${await dialog.getContentText()}`;
    const button = document.querySelector<HTMLButtonElement>(
      confirm ? '[data-testid="confirm"]' : 'mat-dialog-actions button:not([data-testid])',
    );
    button?.click();
    await vi.waitFor(async () =>
      expect(await TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatDialogHarness)).toHaveLength(0),
    );
    await settle();
    return text;
  }

  beforeEach(async () => {
    channels = [BACKUP, PAGER];
    remove = vi.fn<(input: { id: string }) => Promise<unknown>>();
    TestBed.configureTestingModule({
      imports: [ChannelList],
      providers: [
        provideRouter([]),
        { provide: TRPC, useValue: { channels: { list: { query: async () => [...channels] }, delete: { mutate: remove } } } },
      ],
    });
    fixture = TestBed.createComponent(ChannelList);
    await settle();
    expect(names()).toEqual(['Backup', 'Pager']);
  });

  it('asks first, deletes on confirm, reloads the list and names the monitors that stopped alerting it', async () => {
    remove.mockImplementation(async ({ id }) => {
      channels = channels.filter((each) => each.id !== id);
      return {
        id,
        detachedMonitors: [
          { id: 'm1', name: 'Shop' },
          { id: 'm2', name: 'Blog' },
        ],
      };
    });
    const question = await deleteRow('Pager', true);
    expect(question).toContain('Delete channel?');
    expect(question).toContain('"Pager" will be deleted');

    expect(remove).toHaveBeenCalledWith({ id: PAGER.id });
    await vi.waitFor(() => expect(names()).toEqual(['Backup']));
    const toast = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
    expect(await toast.getMessage()).toBe('Deleted "Pager"; 2 monitors no longer alert it: "Shop", "Blog"');
  });

  it('does nothing when the dialog is cancelled', async () => {
    await deleteRow('Pager', false);
    expect(remove).not.toHaveBeenCalled();
    expect(names()).toEqual(['Backup', 'Pager']);
  });

  it("shows the server's refusal in the row and keeps the channel", async () => {
    remove.mockRejectedValue(new Error('channel "Backup" is the fallback of "Pager"; choose another fallback there first'));
    await deleteRow('Backup', true);
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(rowOf('Backup')?.querySelector('[data-testid="channel-delete-error"]')?.textContent?.trim()).toBe(
        'Not deleted: channel "Backup" is the fallback of "Pager"; choose another fallback there first',
      );
    });
    expect(names()).toEqual(['Backup', 'Pager']);
    expect(rowOf('Pager')?.querySelector('[data-testid="channel-delete-error"]')).toBeNull();
  });
});

describe('ChannelList: system notices', () => {
  it('marks the channels that also get system notices', async () => {
    TestBed.configureTestingModule({
      imports: [ChannelList],
      providers: [provideRouter([]), { provide: TRPC, useValue: { channels: { list: { query: async () => [BACKUP, PAGER] } } } }],
    });
    const fixture = TestBed.createComponent(ChannelList);
    await fixture.whenStable();
    fixture.detectChanges();
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('[data-testid="channel-row"]')];
    const badges = rows.map((row) => row.querySelector('[data-testid="channel-system-notices"]')?.textContent?.trim() ?? null);
    expect(badges).toEqual([null, 'system notices']);
  });
});
