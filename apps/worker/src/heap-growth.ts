import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';

/**
 * How far the old space may grow past what the last full collection kept while the worker is not busy, in percent
 * (the growing factor is 1 + this / 100). Left to itself V8 picks a factor of up to 4 for a busy process: at
 * 10,000 monitors every 60 s the worker kept ~45 MB live yet let the heap reach ~160 MB before a full collection
 * (RSS 230–260 MB). A check's objects live about as long as the young generation's collections are apart (a claim
 * waits for its slot, a write batch gathers for 250 ms), so many are promoted and die in the old space.
 */
const TIGHT_GROWING_PERCENT = 100;

/** The flag's default: V8 picks the factor from how busy the process is. */
const V8_CHOOSES = 0;

/**
 * With the tight factor, full collections closer together than this mean the worker turns memory over fast, and V8
 * chooses again. The live heap is ~40–50 MB at 10,000 monitors and at 100,000 alike (the claimed checks, not the
 * fleet, live in memory), so the size kept cannot tell the two apart; how fast the old space fills can. At
 * 10,000 monitors every 60 s the tight factor gives a full collection every ~8–11 s; at 100,000, about one a
 * second (against ~3 s with V8's own), and marking the heap once a second costs more than the memory saved is
 * worth to a process that busy.
 */
const TIGHT_MIN_GAP_MS = 5_000;

/**
 * Back to the tight factor only when V8's own collections are this much further apart: its factor of up to 4
 * leaves up to three times the garbage room of a factor of 2, so its gaps are up to three times as long at the
 * same pace. Without this the two would take turns.
 */
const LOOSE_TO_TIGHT_RATIO = 3;

/**
 * Keeps the old space within twice the live heap while the worker's memory turns over slowly (an ordinary fleet),
 * and leaves it to V8 while it turns over fast (a very large one). V8 reads the flag whenever it sets the next
 * limit, after each full collection, so each gap between full collections decides the factor for the next.
 * Called first thing in the worker's process; returns the function that stops watching.
 */
export function keepHeapInProportion(): () => void {
  let tight = true;
  let lastMajorAt: number | null = null;
  setFlagsFromString(`--heap-growing-percent=${TIGHT_GROWING_PERCENT}`);

  const onMajorCollection = (at: number) => {
    const gap = lastMajorAt === null ? null : at - lastMajorAt;
    lastMajorAt = at;
    if (gap === null) return;
    const nextTight = staysTight(tight, gap);
    if (nextTight === tight) return;
    tight = nextTight;
    setFlagsFromString(`--heap-growing-percent=${tight ? TIGHT_GROWING_PERCENT : V8_CHOOSES}`);
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (isMajor(entry)) onMajorCollection(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}

/** Whether the next limit is set with the tight factor, given the current one and the gap between the last two full collections. */
export function staysTight(tight: boolean, gapMs: number): boolean {
  return gapMs >= (tight ? TIGHT_MIN_GAP_MS : TIGHT_MIN_GAP_MS * LOOSE_TO_TIGHT_RATIO);
}

/** A gc entry's `detail.kind` (Node sets it; this version's types do not declare it). */
const isMajor = (entry: PerformanceEntry) =>
  (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
