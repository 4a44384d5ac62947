import type { BucketState, PublicMonitor } from '@mini-netumo/contracts';
import { dayText, isoDay } from './format-time';
import { DAY_LABELS } from './state-labels';

type Day = PublicMonitor['days'][number];

const STATE_ORDER: readonly BucketState[] = ['up', 'down', 'unknown', 'maintenance', 'none'];

/** Days in a state as runs: `Oct 2`, `Sep 9 to Sep 11`. */
function runsOf(days: readonly Day[], state: BucketState): string[] {
  const runs: [Day, Day][] = [];
  days.forEach((day, index) => {
    if (day.state !== state) return;
    const open = runs.at(-1);
    if (open && days[index - 1]?.state === state) open[1] = day;
    else runs.push([day, day]);
  });
  return runs.map(([first, last]) => (first === last ? dayText(first.date) : `${dayText(first.date)} to ${dayText(last.date)}`));
}

/**
 * The bars in words, for screen readers: counts, then when each other state happened, as runs of days. One
 * sentence per monitor instead of 90 list items keeps 100 monitors listenable and the page small.
 */
export function describeDays(days: readonly Day[]): string {
  if (days.length === 0) return 'No daily history yet.';
  const counted = STATE_ORDER.map((state) => ({ state, count: days.filter((day) => day.state === state).length })).filter(
    ({ count }) => count > 0,
  );
  const counts = counted.map(({ state, count }) => `${count} ${DAY_LABELS[state]}`).join(', ');
  const when = counted
    .filter(({ state }) => state !== 'up')
    .map(({ state }) => `; ${DAY_LABELS[state]} on ${runsOf(days, state).join(', ')}`);
  const range = `${isoDay(days[0].date)} to ${isoDay(days[days.length - 1].date)}`;
  return `Last ${days.length} days, ${range} (UTC): ${counts}${when.join('')}.`;
}
