/**
 * The words of a countdown reminder. They are stored as the reminder's timeline note when it is announced,
 * so the dashboard and every delivery (retries too) say the same days left.
 */
export function countdownNote(countdown: { kind: 'tls' | 'domain'; name: string; daysLeft: number; expiresAt: Date }): string {
  const what = countdown.kind === 'tls' ? `The certificate for ${countdown.name}` : `The domain ${countdown.name}`;
  const days = countdown.daysLeft;
  const when = days <= 0 ? 'expires in less than a day' : `expires in ${days} day${days === 1 ? '' : 's'}`;
  return `${what} ${when}, on ${countdown.expiresAt.toISOString().slice(0, 10)}.`;
}
