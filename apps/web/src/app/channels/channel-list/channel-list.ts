import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Channel, ChannelTestResult } from '@mini-netumo/contracts';
import { messageOf } from '../../trpc/error-message';
import { ChannelStore } from '../data-access/channel-store';
import { testResultText } from '../channel-form/test-result';

/** Every channel: kind, enabled, default, how its latest delivery went, and a test send per row. */
@Component({
  selector: 'app-channel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, MatTableModule, RouterLink],
  templateUrl: './channel-list.html',
  styleUrl: './channel-list.scss',
})
export class ChannelList {
  protected readonly store = inject(ChannelStore);
  protected readonly columns = ['name', 'kind', 'enabled', 'default', 'lastDelivery', 'actions'];
  /** The latest test answer per channel id. */
  protected readonly tests = signal<ReadonlyMap<string, string>>(new Map());
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

  private note(id: string, text: string): void {
    this.tests.update((map) => new Map(map).set(id, text));
  }
}
