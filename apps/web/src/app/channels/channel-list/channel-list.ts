import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Channel, ChannelTestResult } from '@mini-netumo/contracts';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../trpc/error-message';
import { ConfirmDialog, type ConfirmDialogData } from '../../ui/confirm-dialog';
import { ChannelStore } from '../data-access/channel-store';
import { testResultText } from '../channel-form/test-result';
import { deletedText } from './deleted-text';

/**
 * Every channel: kind, enabled, default, whether it gets system notices, how its latest delivery went,
 * a test send and a delete per row.
 */
@Component({
  selector: 'app-channel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, MatTableModule, RouterLink],
  templateUrl: './channel-list.html',
  styleUrl: './channel-list.scss',
})
export class ChannelList {
  protected readonly store = inject(ChannelStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly columns = ['name', 'kind', 'enabled', 'default', 'lastDelivery', 'actions'];
  /** The latest test answer per channel id. */
  protected readonly tests = signal<ReadonlyMap<string, string>>(new Map());
  /** Why the server refused to delete a channel, per channel id (shown in its row until the next try). */
  protected readonly refusals = signal<ReadonlyMap<string, string>>(new Map());
  /** Ids with a delete under way, so the button cannot fire twice. */
  protected readonly deleting = signal<ReadonlySet<string>>(new Set());
  protected readonly trackById = (_index: number, channel: Channel): string => channel.id;

  constructor() {
    void this.store.load();
  }

  protected async test(channel: Channel): Promise<void> {
    this.note(channel.id, 'Sending…');
    try {
      const result: ChannelTestResult = await this.store.test(channel.id);
      this.note(channel.id, testResultText(result));
    } catch (error) {
      this.note(channel.id, messageOf(error));
    }
  }

  protected async confirmDelete(channel: Channel): Promise<void> {
    const data: ConfirmDialogData = {
      title: 'Delete channel?',
      message: `"${channel.name}" will be deleted with its delivery history and dead letters; monitors that alert it will stop doing so. This cannot be undone.`,
      confirmLabel: 'Delete',
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.setRefusal(channel.id, null);
    this.deleting.update((ids) => new Set(ids).add(channel.id));
    try {
      const result = await this.store.delete(channel.id);
      this.snackBar.open(deletedText(channel.name, result), 'Dismiss', { duration: 6_000 });
    } catch (error) {
      this.setRefusal(channel.id, messageOf(error));
    } finally {
      this.deleting.update((ids) => new Set([...ids].filter((id) => id !== channel.id)));
    }
  }

  private setRefusal(id: string, text: string | null): void {
    this.refusals.update((map) => {
      const next = new Map(map);
      if (text === null) next.delete(id);
      else next.set(id, text);
      return next;
    });
  }

  private note(id: string, text: string): void {
    this.tests.update((map) => new Map(map).set(id, text));
  }
}
