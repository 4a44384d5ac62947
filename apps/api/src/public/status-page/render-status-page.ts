import type { PublicStatusPage } from '@mini-netumo/contracts';
import { escapeHtml, escapeMultiline } from './escape-html';
import { timeElement } from './format-time';
import { renderLegend } from './render-day-bars';
import { renderOpenIncidents, renderResolvedIncidents } from './render-incidents';
import { renderMaintenance } from './render-maintenance';
import { renderGroups } from './render-monitor';
import { OVERALL_LABELS } from './state-labels';
import { STATUS_PAGE_CSS } from './status-page-css';

/** Where the page's companions are served; absolute, since the page's own URL has no trailing slash. */
export interface StatusPageLinks {
  scriptPath: string;
  summaryPath: string;
  feedPath: string;
}

function renderHead(page: PublicStatusPage, links: StatusPageLinks): string {
  const description = page.description === null ? '' : `<meta name="description" content="${escapeHtml(page.description)}">`;
  // The CSP allows the one <style> by the hash of its exact text: nothing may be added between the tags.
  return (
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="color-scheme" content="light dark"><title>${escapeHtml(page.title)}</title>${description}` +
    `<link rel="alternate" type="application/atom+xml" title="Incidents" href="${escapeHtml(links.feedPath)}">` +
    `<style>${STATUS_PAGE_CSS}</style><script src="${escapeHtml(links.scriptPath)}" defer></script></head>`
  );
}

function renderHeader(page: PublicStatusPage): string {
  const description = page.description === null ? '' : `<p class="description">${escapeMultiline(page.description)}</p>`;
  return (
    `<header class="page-header"><h1>${escapeHtml(page.title)}</h1>${description}` +
    `<div class="banner overall-${page.overall}"><p class="banner-text">${OVERALL_LABELS[page.overall]}</p>` +
    `<p class="updated">Updated ${timeElement(page.generatedAt)}</p></div></header>`
  );
}

function renderFooter(links: StatusPageLinks): string {
  return (
    `<footer><p><a href="${escapeHtml(links.feedPath)}">Incident feed (Atom)</a> · ` +
    `<a href="${escapeHtml(links.summaryPath)}">summary.json</a></p><p>Powered by mini-netumo</p></footer>`
  );
}

/**
 * The public status page as one HTML document that needs no JavaScript. Everything that changes lives in
 * `<main>`, which the live script swaps for a fresh copy; the only inline content is the hashed stylesheet.
 */
export function renderStatusPageHtml(page: PublicStatusPage, links: StatusPageLinks): string {
  const main =
    renderHeader(page) +
    renderOpenIncidents(page.openIncidents) +
    renderMaintenance(page.maintenance) +
    renderLegend() +
    renderGroups(page.groups) +
    renderResolvedIncidents(page.resolvedIncidents);
  return `<!doctype html><html lang="en">${renderHead(page, links)}<body><main>${main}</main>${renderFooter(links)}</body></html>`;
}
