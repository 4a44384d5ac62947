/**
 * The status page's live script (plain ES2017, served from `scriptPath`: the CSP allows no inline script).
 * Each minute, tab visible, it refetches the page (`no-cache` lets the ETag answer 304), swaps in `<main>` if the
 * served markup changed, shows times in the visitor's zone and names each bar's day on hover. Failures wait a minute.
 */
export const STATUS_PAGE_SCRIPT = `(() => {
  const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const enhance = (main) => {
    for (const el of main.querySelectorAll('time[datetime]')) {
      const when = new Date(el.getAttribute('datetime'));
      if (!isNaN(when)) el.textContent = time.format(when);
    }
    for (const row of main.querySelectorAll('.bars[data-from]')) {
      const from = Date.parse(row.dataset.from);
      Array.from(row.children).forEach((bar, i) => {
        bar.title = day.format(from + i * 864e5) + ': ' + (bar.className === 'none' ? 'no data' : bar.className);
      });
    }
  };
  const first = document.querySelector('main');
  if (!first) return;
  let shown = first.outerHTML;
  enhance(first);
  let busy = false;
  const refresh = async () => {
    if (busy || document.visibilityState !== 'visible') return;
    busy = true;
    try {
      const response = await fetch(location.pathname + location.search, { cache: 'no-cache' });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const main = next.querySelector('main');
      const current = document.querySelector('main');
      if (!main || !current || main.outerHTML === shown) return;
      shown = main.outerHTML;
      enhance(main);
      current.replaceWith(document.adoptNode(main));
      document.title = next.title;
    } catch (offline) {
    } finally {
      busy = false;
    }
  };
  setInterval(refresh, 60000);
  document.addEventListener('visibilitychange', refresh);
})();
`;
