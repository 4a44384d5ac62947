import { Injectable, computed, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CheckResult, LiveEvent, Monitor, MonitorInput, MonitorPatch } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { HealthStore } from '../../health/data-access/health-store';
import { LiveEvents } from '../../live/live-events';
import { isNotFound, messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { byName, mergeFetched, upsertMonitor, withLatestResult } from './monitor-merge';

/** What this tab changed: a monitor the server sent back from a mutation, or the id of one it deleted. */
export type MonitorChange = { kept: Monitor } | { deletedId: string };

/**
 * Every monitor of the install with its configuration, kept current by the live event stream: detail, form,
 * incident and maintenance pages read from here, so a status change shows everywhere without a reload.
 * Loaded on first `load()` (the whole fleet) or `open(id)` (one monitor), not at start: the overview draws from its
 * own compact snapshot (OverviewStore), and a fleet's whole configuration is the largest thing the dashboard can ask
 * for (7.6 MB and over a second at 10,000 monitors), so a page about one monitor asks for that one.
 */
@Injectable({ providedIn: 'root' })
export class MonitorStore {
  private readonly trpc = inject(TRPC);
  private readonly serverCopies = signal<readonly Monitor[]>([]);
  private readonly latestResults = signal<ReadonlyMap<string, CheckResult>>(new Map());
  /** When each monitor last changed here (a running count), so a list fetched meanwhile cannot undo it. */
  private changeCount = 0;
  private readonly changedAt = new Map<string, number>();
  /** A check in flight can report on a monitor after its deletion; such late news must not revive it. */
  private readonly deletedIds = new Set<string>();
  private wanted = false;
  /** Monitors asked for one by one (`open`) while the fleet is not loaded; live events keep these current. */
  private readonly opened = new Set<string>();
  /** Of those, the ones the server answered for (found or not). */
  private readonly answered = signal<ReadonlySet<string>>(new Set());
  private readonly changeSubject = new Subject<MonitorChange>();

  /** This tab's own mutations, as they land: views that keep their own copies (the overview) follow them at once. */
  readonly changes = this.changeSubject.asObservable();
  readonly loaded = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly monitors: Signal<readonly Monitor[]> = computed(() => {
    const results = this.latestResults();
    return this.serverCopies()
      .map((monitor) => withLatestResult(monitor, results.get(monitor.id)))
      .sort(byName);
  });

  constructor() {
    const live = inject(LiveEvents);
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (this.wanted || this.opened.has(monitorIdOf(event) ?? '')) this.apply(event);
    });
    live.resync.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    // Staleness can start without any event (no worker left to send one): the health poll notices it.
    inject(HealthStore)
      .monitoringChanged.pipe(takeUntilDestroyed())
      .subscribe(() => this.reload());
  }

  /** What this tab holds, again from the server: the fleet if it was loaded, else the monitors opened one by one. */
  private reload(): void {
    if (this.wanted) void this.refresh();
    else for (const id of this.opened) void this.fetchOne(id);
  }

  /** For a page about one monitor: loads it alone unless the fleet is (being) loaded, and keeps it current. */
  open(id: string): void {
    if (this.wanted || this.opened.has(id)) return;
    this.opened.add(id);
    void this.fetchOne(id);
  }

  private async fetchOne(id: string): Promise<void> {
    try {
      const monitor = await this.trpc.monitors.get.query({ id });
      if (!this.wanted) this.keep(monitor);
      this.loadError.set(null);
    } catch (error) {
      if (isNotFound(error)) this.forget(id);
      else this.loadError.set(messageOf(error));
    } finally {
      this.answered.update((ids) => new Set(ids).add(id));
    }
  }

  /** True once the server answered for this monitor: the fleet loaded, or the monitor itself was fetched. */
  isSettled(id: Signal<string>): Signal<boolean> {
    return computed(() => this.loaded() || this.answered().has(id()));
  }

  /** For the pages that read monitors: the first call loads them, and from then on they are kept current. */
  load(): void {
    if (this.wanted) return;
    this.wanted = true;
    void this.refresh();
  }

  monitor(id: Signal<string>): Signal<Monitor | undefined> {
    return computed(() => this.monitors().find((monitor) => monitor.id === id()));
  }

  async refresh(): Promise<void> {
    const since = this.changeCount;
    try {
      const fetched = await this.trpc.monitors.list.query();
      const changedHere = new Set([...this.changedAt].filter(([, at]) => at > since).map(([id]) => id));
      this.serverCopies.update((current) => mergeFetched(current, fetched, changedHere));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(messageOf(error));
    } finally {
      this.loaded.set(true);
    }
  }

  async create(input: MonitorInput): Promise<Monitor> {
    return this.mutated(await this.trpc.monitors.create.mutate(input));
  }

  async update(id: string, patch: MonitorPatch): Promise<Monitor> {
    return this.mutated(await this.trpc.monitors.update.mutate({ id, patch }));
  }

  async pause(id: string): Promise<Monitor> {
    return this.mutated(await this.trpc.monitors.pause.mutate({ id }));
  }

  async resume(id: string): Promise<Monitor> {
    return this.mutated(await this.trpc.monitors.resume.mutate({ id }));
  }

  async checkNow(id: string): Promise<void> {
    await this.trpc.monitors.checkNow.mutate({ id });
  }

  async remove(id: string): Promise<void> {
    await this.trpc.monitors.delete.mutate({ id });
    this.forget(id);
    this.changeSubject.next({ deletedId: id });
  }

  private mutated(monitor: Monitor): Monitor {
    this.keep(monitor);
    this.changeSubject.next({ kept: monitor });
    return monitor;
  }

  private apply(event: LiveEvent): void {
    switch (event.type) {
      case 'monitor.status':
        this.keep(event.monitor);
        break;
      case 'monitor.deleted':
        this.forget(event.monitorId);
        break;
      case 'monitor.state':
        this.patch(event.state.id, event.state);
        break;
      case 'heartbeat.ping': {
        // Only the times moved: patch the copy in place rather than wait for a whole monitor.
        const { type: _type, monitorId, ...times } = event;
        this.patch(monitorId, times, 'heartbeat');
        break;
      }
      case 'check.result':
        this.latestResults.update((results) => new Map(results).set(event.result.monitorId, event.result));
        break;
    }
  }

  /** Fields of a monitor the store already holds (of that kind, if given); one it does not hold comes with a refetch. */
  private patch(id: string, fields: Partial<Monitor>, kind?: Monitor['kind']): void {
    const monitor = this.serverCopies().find((candidate) => candidate.id === id);
    if (monitor && (!kind || monitor.kind === kind)) this.keep({ ...monitor, ...fields } as Monitor);
  }

  private keep(monitor: Monitor): Monitor {
    if (this.deletedIds.has(monitor.id)) return monitor;
    this.changedAt.set(monitor.id, ++this.changeCount);
    this.serverCopies.update((monitors) => upsertMonitor(monitors, monitor));
    return monitor;
  }

  private forget(id: string): void {
    this.deletedIds.add(id);
    this.changedAt.set(id, ++this.changeCount);
    this.serverCopies.update((monitors) => monitors.filter((monitor) => monitor.id !== id));
    this.latestResults.update((results) => {
      const next = new Map(results);
      next.delete(id);
      return next;
    });
  }
}

/** The monitor a live event is about, if any. */
function monitorIdOf(event: LiveEvent): string | undefined {
  switch (event.type) {
    case 'monitor.status':
      return event.monitor.id;
    case 'monitor.deleted':
    case 'heartbeat.ping':
      return event.monitorId;
    case 'monitor.state':
      return event.state.id;
    case 'check.result':
      return event.result.monitorId;
    default:
      return undefined;
  }
}
