import type { MonitorStats } from '@mini-netumo/contracts';
import { BUCKET_LOOKS } from '../../charts/bucket-states';
import { formatPercent } from '../../ui/number-format';

/**
 * What one day of the 90-day bar says in its tooltip. A day with no decided checks (all in maintenance, or
 * all unknown) has no uptime to show, only its state.
 */
export function dayVerdict(day: Pick<MonitorStats['statusBar90d'][number], 'state' | 'uptime'>): string {
  if (day.state === 'none') return 'no checks';
  if (day.uptime === null) return BUCKET_LOOKS[day.state].word;
  return `${formatPercent(day.uptime)} up (${BUCKET_LOOKS[day.state].word})`;
}
