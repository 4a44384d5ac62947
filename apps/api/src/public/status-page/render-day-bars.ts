import type { BucketState, PublicMonitor } from '@mini-netumo/contracts';
import { describeDays } from './describe-days';
import { escapeHtml } from './escape-html';
import { isoDay } from './format-time';
import { DAY_LABELS } from './state-labels';

type Day = PublicMonitor['days'][number];

// 100 monitors × 90 days: each byte per bar is 9 KB of page, so a bar is its state class alone (per-day uptime
// would double a flaky page) and leaves out its optional `</li>`.
const renderDay = (day: Day): string => `<li class=${day.state}>`;

/**
 * The monitor's days, oldest first, one bar each. Screen readers get the sentence from describeDays instead of
 * 90 silent items; `data-from` lets the live script name each bar's day in a tooltip.
 */
export function renderDayBars(days: readonly Day[]): string {
  if (days.length === 0) return '';
  return (
    `<ol class="bars" aria-hidden="true" data-from="${escapeHtml(isoDay(days[0].date))}">${days.map(renderDay).join('')}</ol>` +
    `<p class="vh">${escapeHtml(describeDays(days))}</p>`
  );
}

const LEGEND_ORDER: readonly BucketState[] = ['up', 'down', 'unknown', 'maintenance', 'none'];

/** What the bars and their colours mean, once per page rather than under every monitor. */
export function renderLegend(): string {
  const items = LEGEND_ORDER.map((state) => `<li><span class="swatch ${state}"></span>${DAY_LABELS[state]}</li>`).join('');
  return (
    '<div class="legend" aria-hidden="true"><p>One bar per day (UTC) over the last <span class="wide-only">90</span>' +
    `<span class="narrow-only">30</span> days, today on the right.</p><ul>${items}</ul></div>`
  );
}
