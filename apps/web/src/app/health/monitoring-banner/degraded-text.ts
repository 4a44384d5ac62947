import type { Health } from '@mini-netumo/contracts';

const plural = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);
/** The server's sentences may end with a full stop; ours join them with one. */
const detail = (text: string | undefined, lead: string) => (text ? `${lead}${text.replace(/\.+$/, '')}` : '');

/**
 * "Monitoring is degraded: 12 monitors are overdue — no worker is running", plus the database or queue
 * when out of reach (checks cannot run then either); null when all is well.
 */
export function degradedText(health: Health): string | null {
  const { monitoring, database, queue } = health;
  const parts: string[] = [];
  if (!monitoring.ok) {
    const overdue = monitoring.overdue > 0 ? `: ${plural(monitoring.overdue, 'monitor is', 'monitors are')} overdue` : '';
    parts.push(`Monitoring is degraded${overdue}${detail(monitoring.problem, ' — ')}`);
  }
  if (!database.ok) parts.push(`The database is out of reach${detail(database.error, ': ')}`);
  if (!queue.ok) parts.push(`The queue (${queue.backend}) is out of reach${detail(queue.error, ': ')}`);
  return parts.length > 0 ? parts.join('. ') : null;
}
