import { DOMAIN_STATES, TLS_STATES } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { EXPIRY_STATE_LOOKS, daysLeftClass, daysLeftText, type DaysLeftClass, type ExpiryState } from './expiry-tone';

describe('daysLeftClass', () => {
  it.each<[number | null, ExpiryState | null, DaysLeftClass]>([
    [90, 'ok', 'days-green'],
    [15, 'ok', 'days-green'],
    [14, 'expiring', 'days-amber'],
    [4, 'expiring', 'days-amber'],
    [3, 'expiring', 'days-red'],
    [0, 'expiring', 'days-red'],
    // Amber by the monitor's own threshold, which the state was judged with: 20 days at tlsAlertDays 30…
    [20, 'expiring', 'days-amber'],
    // …and 10 days at tlsAlertDays 7. Three days or fewer is red whatever the threshold.
    [10, 'ok', 'days-green'],
    [2, 'ok', 'days-red'],
    [-2, 'expired', 'days-red'],
    // The countdown is about time only: a broken chain with months left still counts down green.
    [60, 'chain_invalid', 'days-green'],
    [10, 'hostname_mismatch', 'days-amber'],
    // Anything we cannot vouch for is grey, whatever number is around.
    [null, null, 'days-grey'],
    [30, null, 'days-grey'],
    [null, 'unknown', 'days-grey'],
    [40, 'unknown', 'days-grey'],
    [null, 'error', 'days-grey'],
    [null, 'ok', 'days-grey'],
    [null, 'not_registered', 'days-red'],
  ])('%s days, %s -> %s', (days, state, expected) => {
    expect(daysLeftClass(days, state)).toBe(expected);
  });
});

describe('daysLeftText', () => {
  it.each<[number | null, string]>([
    [null, '—'],
    [40, '40 days left'],
    [1, '1 day left'],
    [0, 'expires today'],
    [-1, 'expired 1 day ago'],
    [-12, 'expired 12 days ago'],
  ])('%s -> %s', (days, expected) => {
    expect(daysLeftText(days)).toBe(expected);
  });
});

describe('EXPIRY_STATE_LOOKS', () => {
  it('has a look for every certificate and domain state of the contracts', () => {
    expect(Object.keys(EXPIRY_STATE_LOOKS).sort()).toEqual([...new Set([...TLS_STATES, ...DOMAIN_STATES])].sort());
  });

  it('never shows unknown as healthy or as expiring', () => {
    expect(EXPIRY_STATE_LOOKS.unknown).toMatchObject({ label: 'unknown', tone: 'neutral' });
  });
});
