import type { BucketState } from '@mini-netumo/contracts';

/** How a bucket's state reads and looks, in every chart. A Record, so a new state fails the build here. */
export const BUCKET_LOOKS: Record<BucketState, { word: string; color: string }> = {
  up: { word: 'up', color: 'var(--bucket-up)' },
  down: { word: 'down', color: 'var(--bucket-down)' },
  unknown: { word: 'unknown', color: 'var(--bucket-unknown)' },
  maintenance: { word: 'maintenance', color: 'var(--bucket-maintenance)' },
  none: { word: 'no data', color: 'var(--bucket-none)' },
};

/** "22 up, 1 down, 1 no data": what a strip says to a screen reader. */
export function describeStates(states: readonly BucketState[]): string {
  const counts = new Map<BucketState, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  return (Object.keys(BUCKET_LOOKS) as BucketState[])
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${BUCKET_LOOKS[state].word}`)
    .join(', ');
}
