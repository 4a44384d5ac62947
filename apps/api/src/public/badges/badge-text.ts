import type { PublicMonitorState, PublicUptimeWindow } from '@mini-netumo/contracts';
import { BADGE_COLORS } from './badge-colors';
import type { BadgeFacts, BadgeMetric } from './badge-facts';

/** What one badge says; `color` is hex with its `#`. */
export interface BadgeText {
  label: string;
  message: string;
  color: string;
}

const NO_DATA = 'no data';

const STATE_COLORS = {
  up: BADGE_COLORS.brightgreen,
  down: BADGE_COLORS.red,
  maintenance: BADGE_COLORS.blue,
  unknown: BADGE_COLORS.grey,
  pending: BADGE_COLORS.grey,
  paused: BADGE_COLORS.grey,
} satisfies Record<PublicMonitorState, string>;

function statusText(state: PublicMonitorState): BadgeText {
  return { label: 'status', message: state, color: STATE_COLORS[state] };
}

function uptimeColor(percent: number): string {
  if (percent >= 99.9) return BADGE_COLORS.brightgreen;
  if (percent >= 99) return BADGE_COLORS.green;
  if (percent >= 95) return BADGE_COLORS.yellow;
  if (percent >= 90) return BADGE_COLORS.orange;
  return BADGE_COLORS.red;
}

/** Cut, not rounded, to two decimals: 99.999 must not claim 100%. toFixed(6) first drops float noise (0.29 * 100). */
export function formatPercent(percent: number): string {
  const hundredths = Math.floor(Number((percent * 100).toFixed(6)));
  return `${hundredths / 100}%`;
}

function uptimeText(percent: number | null, window: PublicUptimeWindow): BadgeText {
  const label = `uptime ${window}`;
  if (percent === null) return { label, message: NO_DATA, color: BADGE_COLORS.grey };
  return { label, message: formatPercent(percent), color: uptimeColor(percent) };
}

/** Colour and text both from the rounded value, so 999.6 ms is not a yellow "1 s". */
function latencyText(latencyMs: number | null): BadgeText {
  if (latencyMs === null) return { label: 'latency', message: NO_DATA, color: BADGE_COLORS.grey };
  const ms = Math.round(latencyMs);
  const message = ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
  const color = ms < 300 ? BADGE_COLORS.brightgreen : ms < 1000 ? BADGE_COLORS.yellow : BADGE_COLORS.orange;
  return { label: 'latency', message, color };
}

/** Part days count up ("1 day" is within a day), which keeps every threshold where the raw value puts it. */
function certText(daysLeft: number | null): BadgeText {
  const label = 'certificate';
  if (daysLeft === null) return { label, message: NO_DATA, color: BADGE_COLORS.grey };
  const days = Math.ceil(daysLeft);
  if (days <= 0) return { label, message: 'expired', color: BADGE_COLORS.red };
  const color = days > 30 ? BADGE_COLORS.brightgreen : days > 14 ? BADGE_COLORS.yellow : BADGE_COLORS.orange;
  return { label, message: days === 1 ? '1 day' : `${days} days`, color };
}

/** What the badge for one metric says; `window` matters to uptime only. */
export function badgeText(metric: BadgeMetric, facts: BadgeFacts, window: PublicUptimeWindow = '24h'): BadgeText {
  switch (metric) {
    case 'status':
      return statusText(facts.state);
    case 'uptime':
      return uptimeText(facts.uptime[window], window);
    case 'latency':
      return latencyText(facts.latencyMs);
    case 'cert':
      return certText(facts.certDaysLeft);
  }
}
