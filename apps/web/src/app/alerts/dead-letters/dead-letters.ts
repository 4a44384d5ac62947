import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { AlertDelivery } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';

/** Alerts every attempt failed to deliver, with their attempts; a person retries or discards each. */
@Component({
  selector: 'app-dead-letters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './dead-letters.html',
  styleUrl: './dead-letters.scss',
})
export class DeadLetters {
  private readonly trpc = inject(TRPC);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly letters = signal<readonly AlertDelivery[] | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Ids with a retry or discard under way, so their buttons cannot fire twice. */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      // Discarded in another tab (or by another person): gone here too.
      if (event.type === 'alert.discarded') this.letters.update((list) => list?.filter((letter) => letter.id !== event.deliveryId) ?? null);
      if (event.type !== 'alert.delivery') return;
      const { delivery } = event;
      this.letters.update((list) => {
        if (!list) return list;
        const rest = list.filter((letter) => letter.id !== delivery.id);
        return delivery.status === 'dead' ? [delivery, ...rest] : rest;
      });
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load());
    void this.load();
  }

  protected retry(letter: AlertDelivery): Promise<void> {
    return this.act(letter, 'retry', () => this.trpc.alerts.retry.mutate({ id: letter.id }));
  }

  protected discard(letter: AlertDelivery): Promise<void> {
    return this.act(letter, 'discard', () => this.trpc.alerts.discard.mutate({ id: letter.id }));
  }

  private async act(letter: AlertDelivery, what: string, call: () => Promise<unknown>): Promise<void> {
    if (this.busy().has(letter.id)) return;
    this.busy.update((ids) => new Set(ids).add(letter.id));
    try {
      await call();
      this.letters.update((list) => list?.filter((item) => item.id !== letter.id) ?? null);
      this.snackBar.open(what === 'retry' ? 'Sent again' : 'Discarded', undefined, { duration: 3_000 });
    } catch (error) {
      this.snackBar.open(`Could not ${what}: ${messageOf(error)}`, 'Dismiss', { duration: 6_000 });
    } finally {
      this.busy.update((ids) => {
        const next = new Set(ids);
        next.delete(letter.id);
        return next;
      });
    }
  }

  private async load(): Promise<void> {
    try {
      this.letters.set(await this.trpc.alerts.list.query({ status: 'dead', limit: 200 }));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
