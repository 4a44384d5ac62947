/** `99.95%`, `100%`, or `—` when no check could tell (the domain already rounds to two decimals). */
export function formatUptime(percent: number | null): string {
  if (percent === null) return '—';
  return percent === 100 ? '100%' : `${percent.toFixed(2)}%`;
}
