import { describe, expect, it } from 'vitest';
import { aDnsMonitor, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
import { emptySparkline } from '../data-access/sparkline-merge';
import type { OverviewStats } from '../data-access/summary-store';
import { countByStatus, overviewRows, shownStatus, stripCells } from './overview-rows';

const NOW = Date.UTC(2025, 0, 2, 12, 30);
const a = aMonitor({ id: '00000000-0000-4000-8000-00000000000a', name: 'Alpha API', url: 'https://alpha.example', status: 'up' });
const b = aMonitor({ id: '00000000-0000-4000-8000-00000000000b', name: 'Beta', url: 'https://beta.example/health', status: 'down' });
const staleUp = aMonitor({
  id: '00000000-0000-4000-8000-00000000000c',
  name: 'Gamma',
  status: 'up',
  stale: { since: new Date(NOW - 60_000), reason: 'no worker is running' },
});
const cache = aTcpMonitor({
  id: '00000000-0000-4000-8000-00000000000d',
  name: 'Cache',
  host: 'redis.internal',
  port: 6380,
  tls: true,
  status: 'up',
});
const zone = aDnsMonitor({
  id: '00000000-0000-4000-8000-00000000000e',
  name: 'Zone',
  hostname: 'example.org',
  recordType: 'MX',
  status: 'up',
});
const bar = emptySparkline(new Date(NOW)).map((point, i) => (i === 23 ? { ...point, state: 'down' as const } : point));
const stats = new Map<string, OverviewStats>([[b.id, { uptime24h: 97.5, uptime7d: 99, uptime30d: 99.5, sparkline24h: bar }]]);

describe('overviewRows', () => {
  it('puts problems first (down, then stale), each group and the rest by name; or by name alone', () => {
    const site = (n: number, status: 'up' | 'down') =>
      aMonitor({ id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name: `site ${n}`, status });
    // As the store gives them: by name, naturally.
    const byName = [a, b, staleUp, site(2, 'down'), site(10, 'down'), site(11, 'up')];
    expect(overviewRows(byName, stats, '', 'all', NOW).map((row) => row.monitor.name)).toEqual([
      'Beta',
      'site 2',
      'site 10',
      'Gamma',
      'Alpha API',
      'site 11',
    ]);
    expect(overviewRows(byName, stats, '', 'all', NOW, 'name').map((row) => row.monitor.name)).toEqual(byName.map((m) => m.name));
  });

  it('joins each monitor with its bar and uptime, and gives unknown monitors an empty bar', () => {
    const rows = overviewRows([a, b], stats, '', 'all', NOW, 'name');
    expect(rows.map((row) => [row.monitor.name, row.uptime24h, row.cells.length, row.cells[23]?.state])).toEqual([
      ['Alpha API', null, 24, 'none'],
      ['Beta', 97.5, 24, 'down'],
    ]);
  });

  it.each([
    ['alpha', 'all', ['Alpha API']],
    ['HEALTH', 'all', ['Beta']],
    ['  ', 'down', ['Beta']],
    ['', 'paused', []],
    ['', 'up', ['Alpha API']],
    ['', 'stale', ['Gamma']],
  ] as const)('filters by %j and %s', (query, status, names) => {
    expect(overviewRows([a, b, staleUp], stats, query, status, NOW).map((row) => row.monitor.name)).toEqual(names);
  });

  it('names what each monitor watches in one line, whatever its kind', () => {
    expect(overviewRows([a, cache, zone], stats, '', 'all', NOW).map((row) => row.target)).toEqual([
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
    expect(overviewRows([a, b, cache, zone], stats, query, 'all', NOW, 'name').map((row) => row.monitor.name)).toEqual(names);
  });

  it('slides every bar to the current hour, so all rows end at the same time', () => {
    const nextHour = NOW + 3_600_000;
    const rows = overviewRows([a, b], stats, '', 'all', nextHour, 'name');
    expect(rows.map((row) => row.cells.slice(-2).map((cell) => cell.state))).toEqual([
      ['none', 'none'],
      ['down', 'none'],
    ]);
  });

  it('reuses the cells of an unchanged bar, so a live check rebuilds one row only', () => {
    expect(stripCells(bar)).toBe(stripCells(bar));
    const first = overviewRows([a, b], stats, '', 'all', NOW);
    const second = overviewRows([a, b], stats, '', 'all', NOW);
    expect(second[1]?.cells).toBe(first[1]?.cells);
    expect(second[0]?.cells).toBe(first[0]?.cells);
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
