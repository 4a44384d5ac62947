import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { isActiveKind, type Monitor } from '@mini-netumo/contracts';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../../ui/confirm-dialog';
import { messageOf } from '../../trpc/error-message';
import { MonitorStore } from '../data-access/monitor-store';

/** Pause/resume, check now (kinds we probe), edit and delete for one monitor; used by the list rows and the detail page. */
@Component({
  selector: 'app-monitor-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    @let m = monitor();
    @if (m.paused) {
      <button mat-button type="button" data-testid="resume" [disabled]="busy()" (click)="resume()">Resume</button>
    } @else {
      <button mat-button type="button" data-testid="pause" [disabled]="busy()" (click)="pause()">Pause</button>
    }
    @if (canCheckNow()) {
      <button mat-button type="button" data-testid="check-now" [disabled]="busy() || m.paused" (click)="checkNow()">Check now</button>
    }
    <a mat-button data-testid="edit" [routerLink]="['/monitors', m.id, 'edit']">Edit</a>
    <button mat-button type="button" data-testid="delete" class="danger" [disabled]="busy()" (click)="confirmDelete()">Delete</button>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .danger:not(:disabled) {
      color: var(--mat-sys-error);
    }
  `,
})
export class MonitorActions {
  /** A whole monitor (detail page) or an overview entry: the actions need no more than these. */
  readonly monitor = input.required<Pick<Monitor, 'id' | 'name' | 'kind' | 'paused'>>();

  private readonly store = inject(MonitorStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly busy = signal(false);
  /** A heartbeat is checked by its pings: the api refuses to check one now. */
  protected readonly canCheckNow = computed(() => isActiveKind(this.monitor().kind));

  protected pause(): Promise<void> {
    return this.run('Paused', () => this.store.pause(this.monitor().id));
  }

  protected resume(): Promise<void> {
    return this.run('Resumed', () => this.store.resume(this.monitor().id));
  }

  protected checkNow(): Promise<void> {
    return this.run('Check queued', () => this.store.checkNow(this.monitor().id));
  }

  private async run(done: string, action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.snackBar.open(done, undefined, { duration: 2_000 });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { duration: 6_000 });
    } finally {
      this.busy.set(false);
    }
  }

  protected async confirmDelete(): Promise<void> {
    const monitor = this.monitor();
    const data: ConfirmDialogData = {
      title: 'Delete monitor?',
      message: `"${monitor.name}" and its check history will be deleted. This cannot be undone.`,
      confirmLabel: 'Delete',
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    await this.run('Monitor deleted', () => this.store.remove(monitor.id));
  }
}
