import { describe, expect, it } from 'vitest';
import { averagePhases, phasesTaken, timingPhases } from './timing-phases';

describe('timingPhases', () => {
  it.each([
    [
      'https with DNS: first byte loses the connection phases',
      { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 80, totalMs: 100 },
      { dns: 5, connect: 10, tls: 20, firstByte: 45, rest: 20 },
    ],
    [
      'http to an IP: no DNS, no TLS, and neither counts as 0',
      { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 4, totalMs: 6 },
      { dns: null, connect: 1, tls: null, firstByte: 3, rest: 2 },
    ],
    [
      'refused before any byte: the rest is the time to fail',
      { dnsMs: 2, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 7 },
      { dns: 2, connect: null, tls: null, firstByte: null, rest: 5 },
    ],
    [
      'TCP with TLS and an answer read',
      { dnsMs: 1, connectMs: 2, tlsMs: 9, firstByteMs: 15, totalMs: 16 },
      { dns: 1, connect: 2, tls: 9, firstByte: 3, rest: 1 },
    ],
    [
      'DNS: only the lookup and the total',
      { dnsMs: 12, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 12 },
      { dns: 12, connect: null, tls: null, firstByte: null, rest: 0 },
    ],
    [
      'rounding never makes a phase negative',
      { dnsMs: 3, connectMs: 3, tlsMs: 3, firstByteMs: 8, totalMs: 8 },
      { dns: 3, connect: 3, tls: 3, firstByte: 0, rest: 0 },
    ],
  ])('%s', (_name, timings, expected) => {
    expect(timingPhases(timings)).toEqual(expected);
  });

  it('adds up to the total when the phases fit in it', () => {
    const phases = timingPhases({ dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 80, totalMs: 100 });
    expect(Object.values(phases).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(100);
  });
});

describe('phasesTaken', () => {
  it('lists only the phases a check went through, and the rest only when there is some', () => {
    const dns = timingPhases({ dnsMs: 12, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 12 });
    expect(phasesTaken(dns)).toEqual([{ phase: 'dns', ms: 12 }]);
    const local = timingPhases({ dnsMs: 0, connectMs: 1, tlsMs: null, firstByteMs: 4, totalMs: 6 });
    expect(phasesTaken(local).map(({ phase, ms }) => `${phase} ${ms}`)).toEqual(['dns 0', 'connect 1', 'firstByte 3', 'rest 2']);
  });
});

describe('averagePhases', () => {
  it('averages each phase over the checks that went through it, and skips checks without timings', () => {
    const a = { dnsMs: 2, connectMs: 2, tlsMs: null, firstByteMs: 10, totalMs: 12 };
    const b = { dnsMs: 4, connectMs: 2, tlsMs: null, firstByteMs: 20, totalMs: 30 };
    const refused = { dnsMs: 6, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 9 };
    expect(averagePhases([a, null, b])).toEqual({ dns: 3, connect: 2, tls: null, firstByte: 10, rest: 6 });
    expect(averagePhases([a, refused])).toEqual({ dns: 4, connect: 2, tls: null, firstByte: 6, rest: 3 });
  });

  it('is null without any timings', () => {
    expect(averagePhases([null])).toBeNull();
  });
});
