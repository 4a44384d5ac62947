import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old space grow past what the last full collection kept, in percent (the growing factor is
 * 1 + this / 100). Left to itself V8 picks a factor of up to 4 for a busy process: at 10,000 monitors every 60 s
 * the worker kept ~45 MB live yet let the heap reach ~160 MB before a full collection, RSS 230–260 MB. A check's
 * objects live about as long as the young generation's collections are apart (a claim waits for its slot, a write
 * batch gathers for 250 ms), so many are promoted and die in the old space: it filled at ~4 MB/s with garbage.
 * Measured (`tools/bench`, this machine): with 100 % the worker at 10,000 monitors stays at ~187 MB RSS over
 * 3 minutes, and at 100,000 monitors its CPU is unchanged (82.5 % of a core against 82 %) and its lag lower.
 * 25 % and 50 % held 10,000 monitors at 155–170 MB but cost so many full collections at 100,000 that checks fell
 * behind, so the factor is 2, not tighter.
 */
const HEAP_GROWING_PERCENT = 100;

/**
 * Called first thing in the worker's process (its main, and the bench's copy of it). The flag is read whenever V8
 * sets the next limit, after each full collection, so setting it at run time takes effect from the first one.
 */
export function keepHeapTight(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
