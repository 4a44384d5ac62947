import { PUBLIC_UPTIME_WINDOWS, type PublicMonitor, type PublicStatusPage } from '@mini-netumo/contracts';
import { escapeHtml } from './escape-html';
import { formatUptime } from './format-uptime';
import { renderDayBars } from './render-day-bars';
import { MONITOR_LABELS } from './state-labels';

function renderUptime(uptime: PublicMonitor['uptime']): string {
  const cells = PUBLIC_UPTIME_WINDOWS.map((window) => `<div><dt>${window} uptime</dt><dd>${formatUptime(uptime[window])}</dd></div>`);
  return `<dl class="uptime">${cells.join('')}</dl>`;
}

/** One monitor: name, where it points (when the page shows targets), its state in words, uptime and days. */
export function renderMonitor(monitor: PublicMonitor): string {
  const target = monitor.target === null ? '' : `<p class="target">${escapeHtml(monitor.target)}</p>`;
  return (
    `<li class="monitor"><div class="monitor-head"><h3>${escapeHtml(monitor.name)}</h3>` +
    `<p class="state state-${monitor.state}">${MONITOR_LABELS[monitor.state]}</p></div>` +
    `${target}${renderDayBars(monitor.days)}${renderUptime(monitor.uptime)}</li>`
  );
}

/** Each group a section with its own heading, in the page's order. */
export function renderGroups(groups: PublicStatusPage['groups']): string {
  return groups
    .map(
      (group) =>
        `<section class="group"><h2>${escapeHtml(group.name)}</h2>` +
        `<ul class="monitors" role="list">${group.monitors.map(renderMonitor).join('')}</ul></section>`,
    )
    .join('');
}
