/**
 * A stable offset in [0, interval) from an id (a random UUID): monitors created together do not all fire in the
 * same second, and every worker, before and after a restart, puts each monitor on the same beat.
 */
export function stableOffsetMs(id: string, intervalMs: number): number {
  const randomBits = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  return Number.isFinite(randomBits) ? randomBits % intervalMs : 0;
}
