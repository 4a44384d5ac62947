import type { CheckTimings } from '@mini-netumo/contracts';

export const TIMING_PHASES = ['dns', 'connect', 'tls', 'firstByte', 'rest'] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

export const PHASE_LOOKS: Record<TimingPhase, { label: string; color: string; description: string }> = {
  dns: { label: 'DNS', color: 'var(--phase-dns)', description: 'name lookup' },
  connect: { label: 'Connect', color: 'var(--phase-connect)', description: 'TCP connection' },
  tls: { label: 'TLS', color: 'var(--phase-tls)', description: 'TLS handshake' },
  firstByte: { label: 'First byte', color: 'var(--phase-first-byte)', description: 'waiting for the response headers' },
  rest: { label: 'Rest', color: 'var(--phase-rest)', description: 'body, redirects and checks' },
};

/**
 * Splits a check's total into phases that add up to it. The worker measures first byte from the start
 * of the request, so it includes the connection phases: they are taken out here, leaving the server's
 * own wait. A phase that did not happen (no DNS for an IP, no TLS for http) counts as 0.
 */
export function timingPhases(timings: CheckTimings): Record<TimingPhase, number> {
  const dns = timings.dnsMs ?? 0;
  const connect = timings.connectMs ?? 0;
  const tls = timings.tlsMs ?? 0;
  const connection = dns + connect + tls;
  const firstByte = timings.firstByteMs === null ? 0 : Math.max(0, timings.firstByteMs - connection);
  const rest = Math.max(0, timings.totalMs - connection - firstByte);
  return { dns, connect, tls, firstByte, rest };
}

/** The mean of each phase over the checks that have timings; null when none has. */
export function averagePhases(all: readonly (CheckTimings | null)[]): Record<TimingPhase, number> | null {
  const timed = all.filter((timings): timings is CheckTimings => timings !== null).map(timingPhases);
  if (timed.length === 0) return null;
  const mean = (phase: TimingPhase) => Math.round(timed.reduce((sum, phases) => sum + phases[phase], 0) / timed.length);
  return { dns: mean('dns'), connect: mean('connect'), tls: mean('tls'), firstByte: mean('firstByte'), rest: mean('rest') };
}
