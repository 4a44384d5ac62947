import type { PublicIncident, PublicStatusPage } from '@mini-netumo/contracts';
import { escapeHtml, escapeMultiline } from './escape-html';
import { xmlText } from '../xml-text';
import { utcText } from './format-time';
import { newestFirst } from './render-incidents';
import { UPDATE_LABELS } from './state-labels';

/** Where the feed is served, and the page it describes; absolute URLs, as Atom links and ids want them. */
export interface AtomFeedLinks {
  selfUrl: string;
  pageUrl: string;
}

/** The latest of some ISO instants, as RFC 3339; `fallback` when none can be read. */
function latest(instants: readonly (string | null)[], fallback: string): string {
  const times = instants.map((iso) => (iso === null ? NaN : Date.parse(iso))).filter((time) => !Number.isNaN(time));
  return times.length === 0 ? fallback : new Date(Math.max(...times)).toISOString();
}

const rfc3339 = (iso: string): string => latest([iso], iso);

const entryUpdated = (incident: PublicIncident): string =>
  latest([incident.openedAt, incident.resolvedAt, ...incident.updates.flatMap((u) => [u.postedAt, u.editedAt])], incident.openedAt);

/** The entry body as HTML (escaped once here, and once more as XML by the caller). */
function entryHtml(incident: PublicIncident): string {
  const affects = incident.monitors.length === 0 ? '' : ` Affects: ${incident.monitors.map(escapeHtml).join(', ')}.`;
  const updates = newestFirst(incident.updates).map((update) => {
    const edited = update.editedAt === null ? '' : ` (edited ${escapeHtml(utcText(update.editedAt))})`;
    return `<p><strong>${UPDATE_LABELS[update.state]}</strong> · ${escapeHtml(utcText(update.postedAt))}${edited}<br>${escapeMultiline(update.message)}</p>`;
  });
  return `<p>${UPDATE_LABELS[incident.state]}.${affects}</p>${updates.join('')}`;
}

function renderEntry(incident: PublicIncident, pageUrl: string): string {
  return (
    `<entry><id>urn:uuid:${xmlText(incident.id)}</id><title>${xmlText(incident.title)}</title>` +
    `<updated>${xmlText(entryUpdated(incident))}</updated><published>${xmlText(rfc3339(incident.openedAt))}</published>` +
    `<link rel="alternate" type="text/html" href="${xmlText(pageUrl)}"/>` +
    `<content type="html">${xmlText(entryHtml(incident))}</content></entry>`
  );
}

/** The page's incidents, open and resolved, as an Atom 1.0 feed: newest activity first. */
export function renderAtomFeed(page: PublicStatusPage, links: AtomFeedLinks): string {
  const incidents = [...page.openIncidents, ...page.resolvedIncidents]
    .map((incident) => ({ incident, updated: entryUpdated(incident) }))
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = latest(
    incidents.map((entry) => entry.updated),
    rfc3339(page.generatedAt),
  );
  const subtitle = page.description === null ? '' : `<subtitle>${xmlText(page.description)}</subtitle>`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<id>${xmlText(links.selfUrl)}</id><title>${xmlText(page.title)}</title>${subtitle}<updated>${xmlText(updated)}</updated>` +
    `<author><name>${xmlText(page.title)}</name></author><generator>mini-netumo</generator>` +
    `<link rel="self" type="application/atom+xml" href="${xmlText(links.selfUrl)}"/>` +
    `<link rel="alternate" type="text/html" href="${xmlText(links.pageUrl)}"/>` +
    `${incidents.map(({ incident }) => renderEntry(incident, links.pageUrl)).join('')}</feed>\n`
  );
}
