import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { HeartbeatPing } from '@mini-netumo/contracts';
import type { PingPage } from '../../data-access/heartbeat-store';
import { formatMs } from '../../../ui/number-format';

/**
 * One page of a heartbeat's pings, newest first: what each said, from where, and what the job sent. Bodies are
 * the job's own output: shown as text only (interpolation), never as HTML.
 */
@Component({
  selector: 'app-ping-log-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatTableModule],
  templateUrl: './ping-log-table.html',
  styleUrl: './ping-log-table.scss',
})
export class PingLogTable {
  readonly page = input.required<PingPage>();
  readonly loading = input(false);
  readonly older = output();
  readonly newer = output();

  protected readonly columns = ['time', 'kind', 'exitStatus', 'source', 'userAgent', 'duration', 'body'];
  protected readonly trackById = (_index: number, ping: HeartbeatPing): number => ping.id;
  protected readonly formatMs = formatMs;
}
