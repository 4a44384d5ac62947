import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import type { Notification } from '@mini-netumo/contracts';
import { LiveEvents } from '../live/live-events';
import { TRPC } from '../trpc/trpc';
import { Clock, RelativeTimePipe } from '../ui/relative-time';
import { withNotification } from './notification-list';

/** How many notifications the menu lists; the rest are old news. */
const MENU_SIZE = 20;

/** The toolbar bell: the unread count, live, and a menu of the latest notifications; opening one marks it read. */
@Component({
  selector: 'app-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatBadgeModule, MatButtonModule, MatMenuModule, RelativeTimePipe],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
})
export class NotificationBell {
  private readonly trpc = inject(TRPC);
  private readonly router = inject(Router);
  protected readonly clock = inject(Clock);

  protected readonly items = signal<readonly Notification[]>([]);
  protected readonly unread = signal(0);

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type !== 'notification') return;
      const known = this.items().some((item) => item.id === event.notification.id);
      this.items.update((items) => withNotification(items, event.notification, MENU_SIZE));
      if (!known && !event.notification.readAt) this.unread.update((count) => count + 1);
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load());
  }

  protected async open(item: Notification): Promise<void> {
    if (!item.readAt) await this.markRead({ ids: [item.id] });
    if (item.link) await this.router.navigateByUrl(item.link);
  }

  protected markAllRead(): Promise<void> {
    return this.markRead({ all: true });
  }

  private async markRead(input: { ids: string[] } | { all: true }): Promise<void> {
    try {
      await this.trpc.notifications.markRead.mutate(input);
    } finally {
      await this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const page = await this.trpc.notifications.list.query({ limit: MENU_SIZE });
      this.items.set(page.items);
      this.unread.set(page.unreadCount);
    } catch {
      // The bell is a convenience: a failed load keeps the last list; the next reconnection refetches.
    }
  }
}
