import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { MonitorOf } from '@mini-netumo/contracts';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../../trpc/error-message';
import { ConfirmDialog, type ConfirmDialogData } from '../../../ui/confirm-dialog';
import { formatMs } from '../../../ui/number-format';
import { HeartbeatStore } from '../../data-access/heartbeat-store';
import { PingLogTable } from './ping-log-table';
import { PingSetup } from './ping-setup';
import { runDurations } from './run-durations';

/** A heartbeat's own part of its page: how its job pings us, how long its runs take, and every ping it sent. */
@Component({
  selector: 'app-heartbeat-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatProgressBarModule, PingLogTable, PingSetup],
  providers: [HeartbeatStore],
  templateUrl: './heartbeat-panel.html',
  styleUrl: './heartbeat-panel.scss',
})
export class HeartbeatPanel {
  readonly monitor = input.required<MonitorOf<'heartbeat'>>();

  protected readonly store = inject(HeartbeatStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly rotating = signal(false);
  protected readonly durations = computed(() => runDurations(this.store.recent() ?? []));
  protected readonly formatMs = formatMs;

  constructor() {
    effect(() => {
      const id = this.monitor().id;
      untracked(() => this.store.open(id));
    });
  }

  protected async confirmRotate(): Promise<void> {
    const data: ConfirmDialogData = {
      title: 'Replace the ping URL?',
      message: `The current URL of "${this.monitor().name}" stops working at once: every job that pings it must get the new one, or the heartbeat goes down.`,
      confirmLabel: 'Replace',
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.rotating.set(true);
    try {
      await this.store.rotateKey();
      this.snackBar.open('New ping URL: update your jobs', undefined, { duration: 4_000 });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { duration: 6_000 });
    } finally {
      this.rotating.set(false);
    }
  }
}
