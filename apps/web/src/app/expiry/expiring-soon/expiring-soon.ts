import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { ExpiryItem } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { DaysLeft } from '../days-left';
import { ExpiryStateChip } from '../expiry-state-chip';

/** The windows the page offers, in days ahead. */
export const WITHIN_CHOICES = [7, 14, 30, 90] as const;
export type WithinDays = (typeof WITHIN_CHOICES)[number];
const DEFAULT_WITHIN: WithinDays = 30;
/** A burst of certificate and domain results (one per address, one per monitor on a domain) becomes one reload. */
const RELOAD_DELAY_MS = 1_000;

/** `?within=` as one of the choices; anything else is the default. */
export function parseWithin(value: string | undefined): WithinDays {
  return WITHIN_CHOICES.find((choice) => String(choice) === value) ?? DEFAULT_WITHIN;
}

/** Every certificate and registration that ends within the chosen window (or has ended), soonest first. */
@Component({
  selector: 'app-expiring-soon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonToggleModule, MatProgressBarModule, MatTableModule, RouterLink, DaysLeft, ExpiryStateChip],
  templateUrl: './expiring-soon.html',
  styleUrl: './expiring-soon.scss',
})
export class ExpiringSoon {
  /** Bound from the `within` query parameter. */
  readonly within = input<string>();

  private readonly trpc = inject(TRPC);
  private readonly router = inject(Router);
  private request = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;

  protected readonly choices = WITHIN_CHOICES;
  protected readonly withinDays = computed(() => parseWithin(this.within()));
  protected readonly items = signal<readonly ExpiryItem[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['days', 'state', 'kind', 'subject', 'monitor', 'expires', 'detail'];
  protected readonly trackByItem = (_index: number, item: ExpiryItem): string =>
    `${item.kind}:${item.monitorId}:${item.kind === 'tls' ? item.address : item.subject}`;

  constructor() {
    effect(() => {
      const days = this.withinDays();
      untracked(() => void this.load(days));
    });
    const live = inject(LiveEvents);
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load(this.withinDays()));
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'tls.status' || event.type === 'domain.status' || event.type === 'monitor.deleted') this.reloadSoon();
    });
    inject(DestroyRef).onDestroy(() => this.reloadTimer && clearTimeout(this.reloadTimer));
  }

  protected choose(days: WithinDays): void {
    void this.router.navigate([], { queryParams: { within: days }, queryParamsHandling: 'merge' });
  }

  private reloadSoon(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load(this.withinDays());
    }, RELOAD_DELAY_MS);
  }

  private async load(withinDays: WithinDays): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    try {
      const items = await this.trpc.expiry.upcoming.query({ withinDays });
      // A newer window choice may have overtaken this one.
      if (request !== this.request) return;
      this.items.set(items);
      this.error.set(null);
    } catch (error) {
      if (request === this.request) this.error.set(messageOf(error));
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
