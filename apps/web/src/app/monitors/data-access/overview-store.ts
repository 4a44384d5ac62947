import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { fromOverviewWire, type LiveEvent, type Monitor, type OverviewWire } from '@mini-netumo/contracts';
import { HealthStore } from '../../health/data-access/health-store';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC, UNBATCHED } from '../../trpc/trpc';
import { MonitorStore, type MonitorChange } from './monitor-store';
import { byName } from './monitor-merge';
import { entriesOf, entryOfMonitor, withCheckResult, withState, type OverviewEntry } from './overview-entries';
import { takePrefetchedOverview } from './overview-prefetch';

/**
 * Uptime percentages come from the server; after checks arrived they are refetched at most this often: one check
 * moves 24 h uptime by 0.3 %, and the snapshot grows with the fleet. Everything else on a row moves live.
 */
const REFRESH_MS = 5 * 60_000;
/** Opening the overview refetches when the data is older than this. */
const STALE_MS = 2 * 60_000;

/**
 * The overview of the whole fleet from one `stats.overview` snapshot (compact columns), patched in place by live
 * events: a check, a state change, a monitor created, edited or deleted touches its one entry and never refetches
 * the fleet. The overview needs nothing else, so at 10,000 monitors the browser holds one small entry each
 * instead of every monitor's configuration.
 */
@Injectable({ providedIn: 'root' })
export class OverviewStore {
  private readonly trpc = inject(TRPC);
  private readonly list = signal<readonly OverviewEntry[]>([]);
  private fetchedAt = 0;
  /** A check arrived since the last fetch, so the percentages may have moved. */
  private changed = false;
  /** Changes made while a snapshot was in flight, numbered, to replay on it when it lands. */
  private log: { seq: number; apply: (list: readonly OverviewEntry[]) => readonly OverviewEntry[] }[] = [];
  private seq = 0;
  private inFlight = 0;
  /** A check in flight can report on a monitor after its deletion; such late news must not revive it. */
  private readonly deletedIds = new Set<string>();
  /** Loads can overlap (the prefetched one and the one when the stream opens); an older answer never replaces a newer. */
  private asked = 0;
  private applied = 0;

  /** By name, naturally (`site 2` before `site 10`). */
  readonly entries = this.list.asReadonly();
  readonly loaded = signal(false);
  readonly loadError = signal<string | null>(null);

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => this.apply(event));
    // A snapshot prefetched while the page booted draws the rows at once. It was read before the stream opened, so
    // the load when the stream opens (resync) still follows, to catch what changed in between; but only once the
    // prefetched rows are on screen: at 10,000 monitors the second snapshot, built and parsed while the first was
    // still being drawn, took the CPU the first rows needed. Events in the meantime patch the rows as ever.
    const early = takePrefetchedOverview();
    const drawn = early ? this.refresh(early).then(afterPaint) : null;
    live.resync.pipe(takeUntilDestroyed()).subscribe(() => void (drawn ? drawn.then(() => this.refresh()) : this.refresh()));
    // Staleness can start without any event (no worker left to send one): the health poll notices it.
    inject(HealthStore)
      .monitoringChanged.pipe(takeUntilDestroyed())
      .subscribe(() => void this.refresh());
    inject(MonitorStore)
      .changes.pipe(takeUntilDestroyed())
      .subscribe((change) => this.follow(change));
    const timer = setInterval(() => {
      if (this.changed) void this.refresh();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** For the overview opening: fresh enough data stays, older is refetched. */
  refreshIfStale(): void {
    if (this.fetchedAt > 0 && Date.now() - this.fetchedAt > STALE_MS) void this.refresh();
  }

  async refresh(answer: Promise<OverviewWire> = this.trpc.stats.overview.query(undefined, UNBATCHED)): Promise<void> {
    this.changed = false;
    this.fetchedAt = Date.now();
    const since = this.seq;
    const ask = ++this.asked;
    this.inFlight++;
    try {
      const fetched = entriesOf(fromOverviewWire(await answer));
      if (ask < this.applied) return;
      this.applied = ask;
      // What happened here while the snapshot travelled, replayed on it: a check of a monitor the list did not hold
      // yet (just created) would otherwise be lost, and the row would wait a whole interval for the next one.
      this.list.set(
        this.log.filter((change) => change.seq > since).reduce<readonly OverviewEntry[]>((list, change) => change.apply(list), fetched),
      );
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.log = [];
      this.loaded.set(true);
    }
  }

  private apply(event: LiveEvent): void {
    switch (event.type) {
      case 'check.result':
        this.changed = true;
        this.change((list) => patched(list, event.result.monitorId, (entry) => withCheckResult(entry, event.result)));
        break;
      case 'monitor.state':
        this.change((list) => patched(list, event.state.id, (entry) => withState(entry, event.state)));
        break;
      case 'monitor.status':
        this.upsert(event.monitor);
        break;
      case 'monitor.deleted':
        this.remove(event.monitorId);
        break;
    }
  }

  private follow(change: MonitorChange): void {
    if ('kept' in change) this.upsert(change.kept);
    else this.remove(change.deletedId);
  }

  private upsert(monitor: Monitor): void {
    if (this.deletedIds.has(monitor.id)) return;
    const now = Date.now();
    this.change((list) => upserted(list, monitor, now));
  }

  private remove(id: string): void {
    this.deletedIds.add(id);
    this.change((list) => list.filter((entry) => entry.id !== id));
  }

  /** Applies a change now, and keeps it to replay on a snapshot in flight (see refresh). */
  private change(apply: (list: readonly OverviewEntry[]) => readonly OverviewEntry[]): void {
    this.list.update(apply);
    if (this.inFlight > 0) this.log.push({ seq: ++this.seq, apply });
  }
}

/** The entry of `id` changed; the same list when there is none (news of a monitor not held yet) or nothing changed. */
function patched(list: readonly OverviewEntry[], id: string, change: (entry: OverviewEntry) => OverviewEntry): readonly OverviewEntry[] {
  const index = list.findIndex((entry) => entry.id === id);
  const entry = list[index];
  if (!entry) return list;
  const next = change(entry);
  return next === entry ? list : list.with(index, next);
}

/** The monitor's entry added or replaced; only a new name (or a new monitor) moves it, so a status change keeps the order. */
function upserted(list: readonly OverviewEntry[], monitor: Monitor, nowMs: number): readonly OverviewEntry[] {
  const index = list.findIndex((entry) => entry.id === monitor.id);
  const known = list[index];
  const next = entryOfMonitor(monitor, known, nowMs);
  return known?.name === next.name ? list.with(index, next) : [...list.filter((entry) => entry !== known), next].sort(byName);
}

/** Resolves once the browser has painted what the last change drew (the frame after it, then the task after that). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
