import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { LiveEvent } from '@mini-netumo/contracts';
import { Subject, concat, defer, map, merge, of, takeUntil, timer, type Observable } from 'rxjs';
import { TRPC } from '../trpc/trpc';

export type LiveConnection = 'connecting' | 'live' | 'offline';

/** How long to wait before subscribing again after the server ended the stream or refused it. */
const RESUBSCRIBE_DELAY_MS = 3_000;
/** How long a first load waits for the stream to open before loading without it. */
const FIRST_LOAD_WAIT_MS = 1_500;

/**
 * The one `events.live` subscription of the dashboard. Readers listen to `events`, and refetch on
 * `connected`: it fires on every (re)connection, because events sent while we were away are lost.
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly trpc = inject(TRPC);
  private readonly eventSubject = new Subject<LiveEvent>();
  private readonly connectedSubject = new Subject<void>();
  private subscription: { unsubscribe(): void } | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  readonly events = this.eventSubject.asObservable();
  readonly connected = this.connectedSubject.asObservable();
  readonly connection = signal<LiveConnection>('connecting');
  /**
   * When a reader should load: at once if the stream is open, else when it opens (or after FIRST_LOAD_WAIT_MS if it
   * is slow to), then at every reconnection. Loading once the stream is open means no event falls between the data
   * read and the stream, without loading twice as a load before the stream plus one on `connected` did.
   */
  readonly resync: Observable<void> = defer(() =>
    this.connection() === 'live'
      ? concat(of(undefined), this.connected)
      : merge(
          this.connected,
          timer(FIRST_LOAD_WAIT_MS).pipe(
            map(() => undefined),
            takeUntil(this.connected),
          ),
        ),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.subscription?.unsubscribe();
    });
    this.subscribe();
  }

  private subscribe(): void {
    this.subscription = this.trpc.events.live.subscribe(undefined, {
      onStarted: () => {
        this.connection.set('live');
        this.connectedSubject.next();
      },
      onData: (event) => this.eventSubject.next(event),
      // EventSource reconnects by itself; while it does, tell the user the view may be stale.
      onConnectionStateChange: (state) => {
        if (state.state === 'connecting' && state.error) this.connection.set('offline');
      },
      onError: () => this.resubscribeLater(),
      onComplete: () => this.resubscribeLater(),
    });
  }

  private resubscribeLater(): void {
    if (this.destroyed || this.retryTimer) return;
    this.connection.set('offline');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connection.set('connecting');
      this.subscribe();
    }, RESUBSCRIBE_DELAY_MS);
    this.subscription?.unsubscribe();
  }
}
