import { describe, expect, it } from 'vitest';
import { parseBadgePath, parseMetric, parseWindow } from './badge-request';

const ID = '0b6f1c2e-9a4d-4e2b-8c1f-3d5a7b9c0e12';

describe('parseBadgePath', () => {
  it.each([
    [`/badge/${ID}/status.svg`, undefined, { monitorId: ID, metric: 'status', format: 'svg' }],
    [`/badge/${ID}/uptime.svg`, undefined, { monitorId: ID, metric: 'uptime', format: 'svg' }],
    [`/badge/${ID}/latency.svg`, 'status', { monitorId: ID, metric: 'latency', format: 'svg' }],
    [`/badge/${ID}/cert.svg`, undefined, { monitorId: ID, metric: 'cert', format: 'svg' }],
    [`/badge/${ID}/shields.json`, 'uptime', { monitorId: ID, metric: 'uptime', format: 'json' }],
    [`/badge/${ID}/shields.json`, 'cert', { monitorId: ID, metric: 'cert', format: 'json' }],
  ])('%s (metric=%s) is a badge', (path, metric, request) => {
    expect(parseBadgePath(path, metric)).toEqual(request);
  });

  it.each([
    ['', undefined],
    ['/badge/', undefined],
    [`/badge/${ID}`, undefined],
    [`/badge/${ID}/`, undefined],
    [`/badge/${ID}/status.svg/`, undefined],
    [`/badge/${ID}/status.svg?x=1`, undefined],
    [`/badge/${ID}/status.png`, undefined],
    [`/badge/${ID}/status.json`, 'status'],
    [`/badge/${ID}/shields.svg`, undefined],
    [`/badge/${ID}/STATUS.svg`, undefined],
    [`/badge/${ID}/uptime.svg.svg`, undefined],
    [`/badge/${ID}/shields.json`, undefined],
    [`/badge/${ID}/shields.json`, 'Status'],
    [`/badge/${ID}/shields.json`, ['status', 'uptime']],
    [`/badge/${ID.toUpperCase()}/status.svg`, undefined],
    [`/badge/${ID.replaceAll('-', '')}/status.svg`, undefined],
    [`/badge/{${ID}}/status.svg`, undefined],
    [`/badge/../${ID}/status.svg`, undefined],
    [`/badge/${ID}/../status.svg`, undefined],
    [`/badge/%2e%2e/status.svg`, undefined],
    [`/status/${ID}/status.svg`, undefined],
    [`//badge/${ID}/status.svg`, undefined],
    [`/badge/${ID}x/status.svg`, undefined],
    [`/badge/${ID}/status.svg\n`, undefined],
  ])('%j (metric=%j) is a 404', (path, metric) => {
    expect(parseBadgePath(path, metric)).toBeNull();
  });
});

describe('parseMetric', () => {
  it.each(['status', 'uptime', 'latency', 'cert'])('accepts %s', (metric) => {
    expect(parseMetric(metric)).toBe(metric);
  });

  it.each([undefined, null, '', 'Status', 'status ', 'uptime.svg', 'toString', '__proto__', ['status'], { metric: 'status' }, 1])(
    'rejects %j',
    (value) => {
      expect(parseMetric(value)).toBeNull();
    },
  );
});

describe('parseWindow', () => {
  it.each(['24h', '7d', '30d', '90d'])('accepts %s', (window) => {
    expect(parseWindow(window)).toBe(window);
  });

  it('takes an absent window as 24h', () => {
    expect(parseWindow(undefined)).toBe('24h');
  });

  it.each([null, '', '1y', '24H', '24', ' 7d', ['7d'], ['7d', '30d'], { window: '7d' }, 24])('rejects %j', (value) => {
    expect(parseWindow(value)).toBeNull();
  });
});
