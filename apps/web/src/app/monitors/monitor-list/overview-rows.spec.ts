import { describe, expect, it } from 'vitest';
import type { Monitor } from '@mini-netumo/contracts';
import { aDnsMonitor, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
import { entryOfMonitor, type OverviewEntry } from '../data-access/overview-entries';
import { countByStatus, overviewRows, shownStatus } from './overview-rows';

const NOW = Date.UTC(2025, 0, 2, 12, 30);
const entry = (monitor: Monitor): OverviewEntry => entryOfMonitor(monitor, undefined, NOW);
const a = entry(aMonitor({ id: '00000000-0000-4000-8000-00000000000a', name: 'Alpha API', url: 'https://alpha.example', status: 'up' }));
const b = entry(aMonitor({ id: '00000000-0000-4000-8000-00000000000b', name: 'Beta', url: 'https://beta.example/health', status: 'down' }));
const staleUp = entry(
  aMonitor({
    id: '00000000-0000-4000-8000-00000000000c',
    name: 'Gamma',
    status: 'up',
    stale: { since: new Date(NOW - 60_000), reason: 'no worker is running' },
  }),
);
const cache = entry(
  aTcpMonitor({
    id: '00000000-0000-4000-8000-00000000000d',
    name: 'Cache',
    host: 'redis.internal',
    port: 6380,
    tls: true,
    status: 'up',
  }),
);
const zone = entry(
  aDnsMonitor({
    id: '00000000-0000-4000-8000-00000000000e',
    name: 'Zone',
    hostname: 'example.org',
    recordType: 'MX',
    status: 'up',
  }),
);

describe('overviewRows', () => {
  it('puts problems first (down, then stale), each group and the rest by name; or by name alone', () => {
    const site = (n: number, status: 'up' | 'down') =>
      entry(aMonitor({ id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name: `site ${n}`, status }));
    // As the store gives them: by name, naturally.
    const byName = [a, b, staleUp, site(2, 'down'), site(10, 'down'), site(11, 'up')];
    expect(overviewRows(byName, '', 'all').map((row) => row.name)).toEqual(['Beta', 'site 2', 'site 10', 'Gamma', 'Alpha API', 'site 11']);
    expect(overviewRows(byName, '', 'all', 'name').map((row) => row.name)).toEqual(byName.map((m) => m.name));
  });

  it.each([
    ['alpha', 'all', ['Alpha API']],
    ['HEALTH', 'all', ['Beta']],
    ['  ', 'down', ['Beta']],
    ['', 'paused', []],
    ['', 'up', ['Alpha API']],
    ['', 'stale', ['Gamma']],
  ] as const)('filters by %j and %s', (query, status, names) => {
    expect(overviewRows([a, b, staleUp], query, status).map((row) => row.name)).toEqual(names);
  });

  it('names what each monitor watches in one line, whatever its kind', () => {
    expect(overviewRows([a, cache, zone], '', 'all').map((row) => row.target)).toEqual([
      'https://alpha.example',
      'redis.internal:6380 (TLS)',
      'MX example.org',
    ]);
  });

  it.each([
    ['redis.internal', ['Cache']],
    [':6380', ['Cache']],
    ['mx example.org', ['Zone']],
    ['example', ['Alpha API', 'Beta', 'Zone']],
    ['cache', ['Cache']],
  ] as const)('finds %j by name or target', (query, names) => {
    expect(overviewRows([a, b, cache, zone], query, 'all', 'name').map((row) => row.name)).toEqual(names);
  });
});

describe('countByStatus', () => {
  it('counts every status', () => {
    expect(countByStatus([a, b, b])).toEqual({ up: 1, down: 2, pending: 0, paused: 0, stale: 0 });
  });

  it('counts a stale monitor as stale only, whatever its last verdict', () => {
    expect(countByStatus([a, staleUp])).toEqual({ up: 1, down: 0, pending: 0, paused: 0, stale: 1 });
  });
});

describe('shownStatus', () => {
  it('is "stale" while the monitor is overdue, and its status otherwise', () => {
    expect([a, b, staleUp].map(shownStatus)).toEqual(['up', 'down', 'stale']);
  });
});
