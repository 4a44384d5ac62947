import type { OverviewWire } from '@mini-netumo/contracts';
import { fetchPreloadedOverview } from './preloaded-overview';

let early: Promise<OverviewWire> | null = null;

/**
 * Called by main.ts before Angular starts, when the page opens on the overview: the fleet's snapshot is then on its
 * way while the bundle boots (about a second on a small machine), instead of only once the overview is drawn. By
 * default it takes the answer the browser preloaded with the page shell.
 */
export function prefetchOverview(load: () => Promise<OverviewWire> = fetchPreloadedOverview): void {
  early = load();
  // Whoever takes it handles its failure; until then an unhandled rejection would only be noise.
  early.catch(() => undefined);
}

/** The prefetched snapshot, once: later loads ask the server again. */
export function takePrefetchedOverview(): Promise<OverviewWire> | null {
  const taken = early;
  early = null;
  return taken;
}
