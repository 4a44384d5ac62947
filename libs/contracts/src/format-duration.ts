/** "2h 5m", "45s", "3d 4h": the two largest units are enough to read an outage at a glance. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1_000));
  const units: [string, number][] = [
    ['d', Math.floor(totalSeconds / 86_400)],
    ['h', Math.floor((totalSeconds % 86_400) / 3_600)],
    ['m', Math.floor((totalSeconds % 3_600) / 60)],
    ['s', totalSeconds % 60],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return '0s';
  return units
    .slice(first, first + 2)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => `${value}${unit}`)
    .join(' ');
}
