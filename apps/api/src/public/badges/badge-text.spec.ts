import { describe, expect, it } from 'vitest';
import { PUBLIC_UPTIME_WINDOWS, type PublicMonitorState } from '@mini-netumo/contracts';
import type { BadgeFacts } from './badge-facts';
import { badgeText, formatPercent } from './badge-text';

const GREY = '#9f9f9f';
const facts = (over: Partial<BadgeFacts> = {}): BadgeFacts => ({
  state: 'up',
  uptime: { '24h': 100, '7d': 99.5, '30d': 97, '90d': null },
  latencyMs: 120,
  certDaysLeft: 60,
  ...over,
});

describe('badgeText status', () => {
  it.each<[PublicMonitorState, string]>([
    ['up', '#4c1'],
    ['down', '#e05d44'],
    ['maintenance', '#007ec6'],
    ['unknown', GREY],
    ['pending', GREY],
    ['paused', GREY],
  ])('%s is painted %s', (state, color) => {
    expect(badgeText('status', facts({ state }))).toEqual({ label: 'status', message: state, color });
  });
});

describe('badgeText uptime', () => {
  const uptime = (percent: number | null) =>
    badgeText('uptime', facts({ uptime: { '24h': percent, '7d': null, '30d': null, '90d': null } }));

  it.each([
    [100, '100%', '#4c1'],
    [99.9, '99.9%', '#4c1'],
    [99.89, '99.89%', '#97ca00'],
    [99, '99%', '#97ca00'],
    [98.99, '98.99%', '#dfb317'],
    [95, '95%', '#dfb317'],
    [94.99, '94.99%', '#fe7d37'],
    [90, '90%', '#fe7d37'],
    [89.99, '89.99%', '#e05d44'],
    [0, '0%', '#e05d44'],
  ])('%s%% says %s in %s', (percent, message, color) => {
    expect(uptime(percent)).toEqual({ label: 'uptime 24h', message, color });
  });

  it('says no data in grey when the window is empty', () => {
    expect(uptime(null)).toEqual({ label: 'uptime 24h', message: 'no data', color: GREY });
  });

  it.each(PUBLIC_UPTIME_WINDOWS)('reads and names the %s window', (window) => {
    const all = { '24h': 1, '7d': 7, '30d': 30, '90d': 90 };
    expect(badgeText('uptime', facts({ uptime: all }), window)).toMatchObject({ label: `uptime ${window}`, message: `${all[window]}%` });
  });

  it('defaults to 24h', () => {
    expect(badgeText('uptime', facts()).label).toBe('uptime 24h');
  });
});

describe('formatPercent', () => {
  it.each([
    [100, '100%'],
    [99.9, '99.9%'],
    [99.95, '99.95%'],
    [99.999, '99.99%'],
    [99.90000000000001, '99.9%'],
    [0.29, '0.29%'],
    [0.001, '0%'],
    [57.125, '57.12%'],
  ])('%s is %s (two decimals at most, cut, zeros trimmed)', (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });
});

describe('badgeText latency', () => {
  it.each<[number | null, string, string]>([
    [0, '0 ms', '#4c1'],
    [123.4, '123 ms', '#4c1'],
    [299.4, '299 ms', '#4c1'],
    [299.5, '300 ms', '#dfb317'],
    [300, '300 ms', '#dfb317'],
    [999, '999 ms', '#dfb317'],
    [999.6, '1 s', '#fe7d37'],
    [1000, '1 s', '#fe7d37'],
    [1234, '1.2 s', '#fe7d37'],
    [12_345, '12.3 s', '#fe7d37'],
    [null, 'no data', GREY],
  ])('%s ms says %s in %s', (latencyMs, message, color) => {
    expect(badgeText('latency', facts({ latencyMs }))).toEqual({ label: 'latency', message, color });
  });
});

describe('badgeText cert', () => {
  it.each<[number | null, string, string]>([
    [365, '365 days', '#4c1'],
    [31, '31 days', '#4c1'],
    [30.5, '31 days', '#4c1'],
    [30, '30 days', '#dfb317'],
    [15, '15 days', '#dfb317'],
    [14, '14 days', '#fe7d37'],
    [2, '2 days', '#fe7d37'],
    [1, '1 day', '#fe7d37'],
    [0.2, '1 day', '#fe7d37'],
    [0, 'expired', '#e05d44'],
    [-3, 'expired', '#e05d44'],
    [null, 'no data', GREY],
  ])('%s days left says %s in %s', (certDaysLeft, message, color) => {
    expect(badgeText('cert', facts({ certDaysLeft }))).toEqual({ label: 'certificate', message, color });
  });
});
