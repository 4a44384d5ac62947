import { describe, expect, it } from 'vitest';
import { aHealth } from '../data-access/health-fixtures';
import { degradedText } from './degraded-text';

describe('degradedText', () => {
  it.each([
    ['nothing when all is well', aHealth(), null],
    ['nothing for overdue monitors below the threshold', aHealth({ overdue: 3 }), null],
    [
      'how many are overdue, and why',
      aHealth({ ok: false, overdue: 12, problem: '12 of 300 monitors overdue, above the threshold of 10.' }),
      'Monitoring is degraded: 12 monitors are overdue — 12 of 300 monitors overdue, above the threshold of 10',
    ],
    ['one monitor in the singular', aHealth({ ok: false, overdue: 1 }), 'Monitoring is degraded: 1 monitor is overdue'],
    [
      'the problem alone when none is counted yet',
      aHealth({ ok: false, problem: 'no worker is running' }),
      'Monitoring is degraded — no worker is running',
    ],
    [
      'a queue out of reach',
      aHealth({}, { ok: false, queue: { ok: false, backend: 'redis', error: 'connect ECONNREFUSED' } }),
      'The queue (redis) is out of reach: connect ECONNREFUSED',
    ],
    [
      'every part that is wrong',
      aHealth({ ok: false, overdue: 5, problem: 'no worker is running' }, { database: { ok: false } }),
      'Monitoring is degraded: 5 monitors are overdue — no worker is running. The database is out of reach',
    ],
  ] as const)('says %s', (_case, health, text) => {
    expect(degradedText(health)).toBe(text);
  });
});
