import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { IncidentEditUpdateInput, IncidentPostUpdateInput } from '@mini-netumo/contracts';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../trpc/error-message';
import { TRPC } from '../trpc/trpc';
import { ConfirmDialog, type ConfirmDialogData } from '../ui/confirm-dialog';
import { ResolveDialog } from './resolve-dialog';

/**
 * Acknowledge, resolve, and the public updates status pages show, with their dialogs and the error toast; each
 * resolves to whether something changed.
 */
@Injectable({ providedIn: 'root' })
export class IncidentActions {
  private readonly trpc = inject(TRPC);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The note, if any, goes to the channels that heard about the incident with the "acknowledged" notice. */
  async acknowledge(id: string, note?: string): Promise<boolean> {
    return this.attempt('acknowledge', () => this.trpc.incidents.acknowledge.mutate({ id, note: note?.trim() || undefined }));
  }

  async resolve(id: string): Promise<boolean> {
    const answer = await firstValueFrom(this.dialog.open<ResolveDialog, void, { note?: string }>(ResolveDialog).afterClosed());
    if (!answer) return false;
    return this.attempt('resolve', () => this.trpc.incidents.resolve.mutate({ id, note: answer.note }));
  }

  /** Shown on every status page listing the monitor; `resolved` also resolves the incident. */
  async postUpdate(input: IncidentPostUpdateInput): Promise<boolean> {
    return this.attempt('post the update', () => this.trpc.incidents.postUpdate.mutate(input));
  }

  async editUpdate(input: IncidentEditUpdateInput): Promise<boolean> {
    return this.attempt('save the update', () => this.trpc.incidents.editUpdate.mutate(input));
  }

  async deleteUpdate(updateId: string): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: 'Delete update?',
      message: 'The update will be taken off every status page; the timeline keeps that it was posted and removed.',
      confirmLabel: 'Delete',
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    if (!(await firstValueFrom(ref.afterClosed()))) return false;
    return this.attempt('delete the update', () => this.trpc.incidents.deleteUpdate.mutate({ updateId }));
  }

  private async attempt(what: string, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.snackBar.open(`Could not ${what}: ${messageOf(error)}`, 'Dismiss', { duration: 6_000 });
      return false;
    }
  }
}
