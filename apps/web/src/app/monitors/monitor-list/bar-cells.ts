import { Pipe, type PipeTransform } from '@angular/core';
import { OVERVIEW_HOURS, decodeLatencies } from '@mini-netumo/contracts';
import { BUCKET_LOOKS } from '../../charts/bucket-states';
import type { StripCell } from '../../charts/status-strip';
import { barAlignedTo, hourStart, stateAt, type OverviewBar } from '../data-access/overview-bar';

const HOUR_MS = 3_600_000;
const hourFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
/** Per bar, its cells for the hour they were built in: a live check replaces one row's bar, not a thousand. */
const cache = new WeakMap<OverviewBar, { hour: number; cells: readonly StripCell[] }>();

/**
 * A bar's 24 cells with their tooltips, slid to end with the hour of `nowMs` so every row ends at the same time.
 * Built only for the rows on screen (the list is virtualised), and once per bar and hour.
 */
export function barCells(bar: OverviewBar, nowMs: number): readonly StripCell[] {
  const hour = hourStart(nowMs);
  const cached = cache.get(bar);
  if (cached?.hour === hour) return cached.cells;
  const aligned = barAlignedTo(bar, nowMs);
  const latencies = decodeLatencies(aligned.latencies);
  const cells = Array.from({ length: OVERVIEW_HOURS }, (_, i): StripCell => {
    const state = stateAt(aligned, i);
    const latency = latencies[i] ?? null;
    const when = hourFormat.format(aligned.firstHourMs + i * HOUR_MS);
    return { state, title: `${when}: ${BUCKET_LOOKS[state].word}${latency === null ? '' : `, ${latency} ms average`}` };
  });
  cache.set(bar, { hour, cells });
  return cells;
}

/** `bar | barCells: hourMs` in a row's template: pure, so it runs again only when the bar or the hour changes. */
@Pipe({ name: 'barCells' })
export class BarCellsPipe implements PipeTransform {
  transform(bar: OverviewBar, hourMs: number): readonly StripCell[] {
    return barCells(bar, hourMs);
  }
}
