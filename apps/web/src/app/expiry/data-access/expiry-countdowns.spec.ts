import { describe, expect, it } from 'vitest';
import { countdownsByMonitor } from './expiry-countdowns';

describe('countdownsByMonitor', () => {
  it('keeps the soonest certificate over all addresses, and the domain, per monitor', () => {
    const map = countdownsByMonitor([
      { kind: 'tls', monitorId: 'a', daysRemaining: 40, state: 'ok' },
      { kind: 'tls', monitorId: 'a', daysRemaining: 9, state: 'expiring' },
      { kind: 'domain', monitorId: 'a', daysRemaining: 200, state: 'ok' },
      { kind: 'domain', monitorId: 'b', daysRemaining: 2, state: 'expiring' },
    ]);
    expect(map.get('a')).toEqual({ tls: { days: 9, state: 'expiring' }, domain: { days: 200, state: 'ok' } });
    expect(map.get('b')).toEqual({ tls: null, domain: { days: 2, state: 'expiring' } });
    expect(map.has('c')).toBe(false);
  });
});
