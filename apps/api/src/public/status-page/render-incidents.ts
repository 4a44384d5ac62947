import type { PublicIncident, PublicIncidentUpdate } from '@mini-netumo/contracts';
import { escapeHtml, escapeMultiline } from './escape-html';
import { timeElement } from './format-time';
import { UPDATE_LABELS } from './state-labels';

/** Newest first whatever order they came in: a visitor reads the latest word before the history. */
export const newestFirst = (updates: readonly PublicIncidentUpdate[]): PublicIncidentUpdate[] =>
  [...updates].sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));

function renderUpdate(update: PublicIncidentUpdate): string {
  const edited = update.editedAt === null ? '' : ` <span class="edited">(edited ${timeElement(update.editedAt)})</span>`;
  return (
    `<li><p class="update-head"><strong>${UPDATE_LABELS[update.state]}</strong> · ${timeElement(update.postedAt)}${edited}</p>` +
    `<p>${escapeMultiline(update.message)}</p></li>`
  );
}

function renderDetails(incident: PublicIncident): string {
  const affects = incident.monitors.length === 0 ? '' : `<p class="affects">Affects: ${incident.monitors.map(escapeHtml).join(', ')}</p>`;
  const updates =
    incident.updates.length === 0 ? '' : `<ol class="updates" role="list">${newestFirst(incident.updates).map(renderUpdate).join('')}</ol>`;
  return affects + updates;
}

function renderOpenIncident(incident: PublicIncident): string {
  return (
    `<article class="incident"><h3>${escapeHtml(incident.title)}</h3>` +
    `<p class="incident-state state-${incident.state}">${UPDATE_LABELS[incident.state]} · opened ${timeElement(incident.openedAt)}</p>` +
    `${renderDetails(incident)}</article>`
  );
}

/** What is wrong right now, above everything else; nothing at all when all is well. */
export function renderOpenIncidents(incidents: readonly PublicIncident[]): string {
  if (incidents.length === 0) return '';
  return `<section class="incidents open"><h2>Open incidents</h2>${incidents.map(renderOpenIncident).join('')}</section>`;
}

function renderResolvedIncident(incident: PublicIncident): string {
  const resolved = incident.resolvedAt === null ? '' : ` · resolved ${timeElement(incident.resolvedAt)}`;
  return (
    `<li><details class="incident"><summary>${escapeHtml(incident.title)}${resolved}</summary>` +
    `${renderDetails(incident)}</details></li>`
  );
}

/** The last 90 days' history, folded: the page is about now. */
export function renderResolvedIncidents(incidents: readonly PublicIncident[]): string {
  const body =
    incidents.length === 0
      ? '<p class="quiet">No incidents in the last 90 days.</p>'
      : `<ul class="resolved-list" role="list">${incidents.map(renderResolvedIncident).join('')}</ul>`;
  return `<section class="incidents resolved"><h2>Past incidents</h2>${body}</section>`;
}
