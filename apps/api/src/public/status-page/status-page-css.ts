/**
 * The status page's only stylesheet, inlined and allowed by the CSP through the hash of this exact text.
 * System fonts, nothing fetched. Bar colours: up green, down red, unknown amber, maintenance blue, no data grey.
 */
export const STATUS_PAGE_CSS = `
:root {
  --bg: #f5f6f8; --card: #fff; --fg: #1c2127; --muted: #55606c; --line: #d5dbe1; --on-state: #fff;
  --up: #1a7f37; --down: #c9252d; --unknown: #946300; --maintenance: #0b66d0; --none: #e3e7eb; --none-edge: #aab3bc;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e1116; --card: #171b21; --fg: #e7ebef; --muted: #9ba5b0; --line: #323942; --on-state: #0e1116;
    --up: #3fb65a; --down: #f2594f; --unknown: #d49a2a; --maintenance: #5aa5f5; --none: #262c34; --none-edge: #56606b;
  }
}
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main, footer { max-width: 860px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1rem; margin: 0; overflow-wrap: anywhere; }
p { margin: .25rem 0; }
a { color: var(--maintenance); }
ul, ol { margin: 0; padding: 0; list-style: none; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.description, .updated, .target, .affects, .quiet, .update-head, footer { color: var(--muted); }
.target, .affects { font-size: .875rem; overflow-wrap: anywhere; }
.banner { margin: 1rem 0; padding: .75rem 1rem; border-radius: 8px; color: var(--on-state); background: var(--unknown); }
.banner .updated { color: inherit; font-size: .875rem; }
.banner-text { font-size: 1.2rem; font-weight: 600; }
.overall-operational { background: var(--up); }
.overall-partial_outage, .overall-major_outage { background: var(--down); }
.overall-maintenance { background: var(--maintenance); }
.monitor, .incident, .maintenance-window {
  margin: 0 0 .75rem; padding: .75rem 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
}
.monitor-head { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; }
.state { margin: 0; font-weight: 600; white-space: nowrap; }
.state-up { color: var(--up); }
.state-down { color: var(--down); }
.state-unknown, .state-pending, .state-paused { color: var(--muted); }
.state-maintenance { color: var(--maintenance); }
.bars { display: flex; gap: 2px; height: 2rem; margin-top: .5rem; }
.bars li { flex: 1 1 0; min-width: 0; border-radius: 2px; background: var(--none); }
.bars li:hover { outline: 2px solid var(--fg); outline-offset: 1px; }
.bars .up, .swatch.up { background: var(--up); }
.bars .down, .swatch.down { background: var(--down); }
.bars .unknown, .swatch.unknown { background: var(--unknown); }
.bars .maintenance, .swatch.maintenance { background: var(--maintenance); }
.bars .none, .swatch.none { background: var(--none); box-shadow: inset 0 0 0 1px var(--none-edge); }
.narrow-only { display: none; }
.uptime { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: .5rem 0 0; }
.uptime dt { font-size: .75rem; color: var(--muted); }
.uptime dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.legend { margin-top: 1.5rem; font-size: .875rem; color: var(--muted); }
.legend ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.swatch { display: inline-block; width: .75rem; height: .75rem; margin-right: .35rem; border-radius: 2px; vertical-align: -.05rem; }
.badge { font-weight: 600; color: var(--maintenance); }
.badge.upcoming { color: var(--muted); }
.incident-state { font-weight: 600; }
.incidents.open .incident { border-left: 4px solid var(--down); }
.updates li { margin-top: .75rem; padding-left: .75rem; border-left: 2px solid var(--line); }
.update-head { font-size: .875rem; }
.update-head strong { color: var(--fg); }
.edited { font-style: italic; }
summary { cursor: pointer; font-weight: 600; }
footer { font-size: .875rem; border-top: 1px solid var(--line); }
@media (max-width: 640px) {
  main, footer { padding: .75rem; }
  .bars { gap: 1px; }
  .bars li:nth-child(-n+60) { display: none; }
  .wide-only { display: none; }
  .narrow-only { display: inline; }
}
`;
