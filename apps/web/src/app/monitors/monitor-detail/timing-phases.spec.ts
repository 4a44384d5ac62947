import { describe, expect, it } from 'vitest';
import { averagePhases, timingPhases } from './timing-phases';

describe('timingPhases', () => {
  it.each([
    [
      'https with DNS: first byte loses the connection phases',
      { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 80, totalMs: 100 },
      { dns: 5, connect: 10, tls: 20, firstByte: 45, rest: 20 },
    ],
    [
      'http to an IP: no DNS, no TLS',
      { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 4, totalMs: 6 },
      { dns: 0, connect: 1, tls: 0, firstByte: 3, rest: 2 },
    ],
    [
      'refused before any byte: the rest is the time to fail',
      { dnsMs: 2, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 7 },
      { dns: 2, connect: 0, tls: 0, firstByte: 0, rest: 5 },
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
    expect(Object.values(phases).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('averagePhases', () => {
  it('averages the checks with timings and skips the others', () => {
    const a = { dnsMs: 2, connectMs: 2, tlsMs: null, firstByteMs: 10, totalMs: 12 };
    const b = { dnsMs: 4, connectMs: 2, tlsMs: null, firstByteMs: 20, totalMs: 30 };
    expect(averagePhases([a, null, b])).toEqual({ dns: 3, connect: 2, tls: 0, firstByte: 10, rest: 6 });
  });

  it('is null without any timings', () => {
    expect(averagePhases([null])).toBeNull();
  });
});
