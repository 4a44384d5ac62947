/**
 * The countdown step a reminder is due for, or null: the smallest of `steps` the days left have reached, so
 * a certificate that jumps from 10 to 2 days (the job was down) gets one reminder (the 3-day one), not three.
 * Steps at or above the days left when the incident opened are covered by that opening alert.
 */
export function dueCountdownStep(steps: readonly number[], daysLeft: number, daysLeftAtOpening: number): number | null {
  const reached = steps.filter((step) => daysLeft <= step && step < daysLeftAtOpening);
  return reached.length > 0 ? Math.min(...reached) : null;
}
