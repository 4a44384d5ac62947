import type { CheckTimings } from '@mini-netumo/contracts';

export const TIMING_PHASES = ['dns', 'connect', 'tls', 'firstByte', 'rest'] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

/** Milliseconds per phase; null for a phase that did not happen (no TLS for http, only DNS for a DNS check). */
export type PhaseTimes = Record<TimingPhase, number | null>;

export const PHASE_LOOKS: Record<TimingPhase, { label: string; color: string; description: string }> = {
  dns: { label: 'DNS', color: 'var(--phase-dns)', description: 'name lookup' },
  connect: { label: 'Connect', color: 'var(--phase-connect)', description: 'TCP connection' },
  tls: { label: 'TLS', color: 'var(--phase-tls)', description: 'TLS handshake' },
  firstByte: { label: 'First byte', color: 'var(--phase-first-byte)', description: 'waiting for the first byte of the answer' },
  rest: { label: 'Rest', color: 'var(--phase-rest)', description: 'the rest of the check: body, redirects, expected text' },
};

/**
 * Splits a check's total into phases that add up to it. The worker measures first byte from the start of
 * the request, so it includes the connection phases: they are taken out here, leaving the server's own wait.
 * A phase the check never went through stays null, so it is not mistaken for an instant one.
 */
export function timingPhases(timings: CheckTimings): PhaseTimes {
  const { dnsMs: dns, connectMs: connect, tlsMs: tls } = timings;
  const connection = (dns ?? 0) + (connect ?? 0) + (tls ?? 0);
  const firstByte = timings.firstByteMs === null ? null : Math.max(0, timings.firstByteMs - connection);
  const rest = Math.max(0, timings.totalMs - connection - (firstByte ?? 0));
  return { dns, connect, tls, firstByte, rest };
}

/** Per phase, the mean over the checks that went through it (null when none did); null without any timings. */
export function averagePhases(all: readonly (CheckTimings | null)[]): PhaseTimes | null {
  const timed = all.filter((timings): timings is CheckTimings => timings !== null).map(timingPhases);
  if (timed.length === 0) return null;
  const mean = (phase: TimingPhase) => {
    const values = timed.map((phases) => phases[phase]).filter((value): value is number => value !== null);
    return values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
  };
  return { dns: mean('dns'), connect: mean('connect'), tls: mean('tls'), firstByte: mean('firstByte'), rest: mean('rest') };
}

/**
 * The phases a check went through, in order, with their times: what a table, legend or tooltip lists. The rest
 * only when there is some: it is what the other phases leave over, and 0 means they cover the whole check.
 */
export function phasesTaken(phases: PhaseTimes): { phase: TimingPhase; ms: number }[] {
  return TIMING_PHASES.flatMap((phase) => {
    const ms = phases[phase];
    return ms === null || (phase === 'rest' && ms === 0) ? [] : [{ phase, ms }];
  });
}
