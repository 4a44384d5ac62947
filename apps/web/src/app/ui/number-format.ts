/** "99.95%", "100%", "—" for no data: uptime and error rates read the same everywhere. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Number(value.toFixed(2))}%`;
}

/** "42 ms", "1.2 s", "—" for no data. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value < 1_000) return `${Math.round(value)} ms`;
  return `${Number((value / 1_000).toFixed(value < 10_000 ? 2 : 1))} s`;
}
