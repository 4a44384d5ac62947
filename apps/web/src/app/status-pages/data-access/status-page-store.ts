import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { StatusPage, StatusPageInput, StatusPageUpdateInput } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';

const byTitle = (a: StatusPage, b: StatusPage) => a.title.localeCompare(b.title);

/**
 * Every status page, as the server lists them (by title). Loaded on first `load()`, then fetched again on each
 * `status-page.changed` event (another tab or the api changed one) and on every reconnection.
 */
@Injectable({ providedIn: 'root' })
export class StatusPageStore {
  private readonly trpc = inject(TRPC);
  private wanted = false;
  /** Answers can overtake each other: only the latest ask's counts. */
  private asked = 0;

  /** Null until the first answer. */
  readonly pages = signal<readonly StatusPage[] | null>(null);
  readonly error = signal<string | null>(null);
  readonly loading = computed(() => this.pages() === null && this.error() === null);

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event.type === 'status-page.changed' && this.wanted) void this.refresh();
    });
    live.resync.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.wanted) void this.refresh();
    });
  }

  /** For the pages that show the list: fetches it now, and from then on keeps it current. */
  load(): Promise<void> {
    this.wanted = true;
    return this.refresh();
  }

  get(id: string): Promise<StatusPage> {
    return this.trpc.statusPages.get.query({ id });
  }

  /** Rejects with the server's reason (CONFLICT when the slug is taken, field errors by path). */
  async create(input: StatusPageInput): Promise<StatusPage> {
    return this.keep(await this.trpc.statusPages.create.mutate(input));
  }

  /** Groups and display names, when given, replace the page's own. */
  async update(input: StatusPageUpdateInput): Promise<StatusPage> {
    return this.keep(await this.trpc.statusPages.update.mutate(input));
  }

  async delete(id: string): Promise<void> {
    await this.trpc.statusPages.delete.mutate({ id });
    this.change((pages) => pages.filter((page) => page.id !== id));
  }

  private async refresh(): Promise<void> {
    const ask = ++this.asked;
    try {
      const pages = await this.trpc.statusPages.list.query();
      if (ask !== this.asked) return;
      this.pages.set(pages);
      this.error.set(null);
    } catch (error) {
      if (ask === this.asked) this.error.set(messageOf(error));
    }
  }

  private keep(saved: StatusPage): StatusPage {
    this.change((pages) => [...pages.filter((page) => page.id !== saved.id), saved].sort(byTitle));
    return saved;
  }

  /** Shows this tab's own change at once; a list already in flight may predate it, so its answer is dropped. */
  private change(next: (pages: readonly StatusPage[]) => readonly StatusPage[]): void {
    const pages = this.pages();
    if (!pages) return;
    this.asked++;
    this.pages.set(next(pages));
  }
}
