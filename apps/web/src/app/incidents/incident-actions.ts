import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../trpc/error-message';
import { TRPC } from '../trpc/trpc';
import { ResolveDialog } from './resolve-dialog';

/** Acknowledge and resolve, with the dialog and the error toast; resolves to whether something changed. */
@Injectable({ providedIn: 'root' })
export class IncidentActions {
  private readonly trpc = inject(TRPC);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The note, if any, goes to the channels that heard about the incident with the "acknowledged" notice. */
  async acknowledge(id: string, note?: string): Promise<boolean> {
    try {
      await this.trpc.incidents.acknowledge.mutate({ id, note: note?.trim() || undefined });
      return true;
    } catch (error) {
      this.snackBar.open(`Could not acknowledge: ${messageOf(error)}`, 'Dismiss', { duration: 6_000 });
      return false;
    }
  }

  async resolve(id: string): Promise<boolean> {
    const answer = await firstValueFrom(this.dialog.open<ResolveDialog, void, { note?: string }>(ResolveDialog).afterClosed());
    if (!answer) return false;
    try {
      await this.trpc.incidents.resolve.mutate({ id, note: answer.note });
      return true;
    } catch (error) {
      this.snackBar.open(`Could not resolve: ${messageOf(error)}`, 'Dismiss', { duration: 6_000 });
      return false;
    }
  }
}
