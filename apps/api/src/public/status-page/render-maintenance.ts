import type { PublicMaintenance } from '@mini-netumo/contracts';
import { escapeHtml } from './escape-html';
import { timeElement } from './format-time';

function renderWindow(window: PublicMaintenance): string {
  const badge = window.inProgress ? '<strong class="badge">In progress</strong>' : '<strong class="badge upcoming">Upcoming</strong>';
  const affects = window.monitors.length === 0 ? '' : `<p class="affects">Affects: ${window.monitors.map(escapeHtml).join(', ')}</p>`;
  return (
    `<li class="maintenance-window"><h3>${escapeHtml(window.name)}</h3>` +
    `<p>${badge} ${timeElement(window.startsAt)} – ${timeElement(window.endsAt)}</p>${affects}</li>`
  );
}

/** In progress first, then upcoming, each by start time; nothing when none is planned. */
export function renderMaintenance(windows: readonly PublicMaintenance[]): string {
  if (windows.length === 0) return '';
  const ordered = [...windows].sort(
    (a, b) => Number(b.inProgress) - Number(a.inProgress) || Date.parse(a.startsAt) - Date.parse(b.startsAt),
  );
  return `<section class="maintenance-list"><h2>Maintenance</h2><ul role="list">${ordered.map(renderWindow).join('')}</ul></section>`;
}
