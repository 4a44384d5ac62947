import type { MonitorStaleness, MonitorStatus } from '@mini-netumo/contracts';
import { relativeTime } from './relative-time';

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "14:02" today, "Mar 3, 14:02" on another day. */
export function staleSince(since: Date, now: number): string {
  return since.toDateString() === new Date(now).toDateString() ? timeOnly.format(since) : dayAndTime.format(since);
}

/**
 * "Stale since 14:02 — no check since 14:02:10 (expected every 20 s); last verdict: up": why the status
 * shown is old news, with that status kept last and secondary. `ago` adds "(5 min ago)" for a ticking clock.
 */
export function staleText(stale: MonitorStaleness, lastVerdict: MonitorStatus, now: number, { ago = false } = {}): string {
  const since = `${staleSince(stale.since, now)}${ago ? ` (${relativeTime(stale.since, now)})` : ''}`;
  const verdict = lastVerdict === 'pending' ? 'no verdict yet' : `last verdict: ${lastVerdict}`;
  return `Stale since ${since} — ${stale.reason}; ${verdict}`;
}
