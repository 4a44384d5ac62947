import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { DomainStatus, ExpiryCheckQueued, TlsStatus } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';

/** Keeps `current` when it was checked later than `next`: a slow fetch must not undo a newer live event. */
export function fresher<T extends { checkedAt: Date | null }>(current: T | null, next: T): T {
  if (current?.checkedAt && next.checkedAt && current.checkedAt > next.checkedAt) return current;
  if (current?.checkedAt && !next.checkedAt) return current;
  return next;
}

/**
 * The certificate and domain lanes of the monitor on screen, kept current by `tls.status` and
 * `domain.status` events (each carries the whole lane). One per monitor view (component-provided).
 */
@Injectable()
export class ExpiryStatusStore {
  private readonly trpc = inject(TRPC);
  private monitorId: string | null = null;

  /** Null until loaded, and for a monitor whose kind has no certificate (tls.get answers null then). */
  readonly tls = signal<TlsStatus | null>(null);
  /** Null until loaded: every monitor has a domain lane, even one with no registrable domain. */
  readonly domain = signal<DomainStatus | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    const live = inject(LiveEvents);
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'tls.status' && event.status.monitorId === this.monitorId) {
        const status = event.status;
        this.tls.update((current) => fresher(current, status));
      }
      if (event.type === 'domain.status' && event.status.monitorId === this.monitorId) {
        const status = event.status;
        this.domain.update((current) => fresher(current, status));
      }
    });
  }

  /** Shows another monitor; nothing of the previous one stays on screen. */
  open(monitorId: string): void {
    this.monitorId = monitorId;
    this.tls.set(null);
    this.domain.set(null);
    this.error.set(null);
    this.reload();
  }

  /** Queues a certificate read and a domain lookup now, those the monitor has; their results arrive as live events. */
  async checkNow(): Promise<ExpiryCheckQueued> {
    if (!this.monitorId) return { queued: [] };
    return this.trpc.monitors.checkExpiryNow.mutate({ id: this.monitorId });
  }

  private reload(): void {
    const monitorId = this.monitorId;
    if (!monitorId) return;
    void this.load(monitorId, async () => {
      const [tls, domain] = await Promise.all([this.trpc.tls.get.query({ monitorId }), this.trpc.domains.get.query({ monitorId })]);
      return () => {
        this.tls.update((current) => (tls ? fresher(current, tls) : null));
        this.domain.update((current) => fresher(current, domain));
      };
    });
  }

  /** Applies a load only if the view still shows that monitor, and reports its failure. */
  private async load(monitorId: string, fetch: () => Promise<() => void>): Promise<void> {
    try {
      const apply = await fetch();
      if (monitorId !== this.monitorId) return;
      apply();
      this.error.set(null);
    } catch (error) {
      if (monitorId === this.monitorId) this.error.set(messageOf(error));
    }
  }
}
