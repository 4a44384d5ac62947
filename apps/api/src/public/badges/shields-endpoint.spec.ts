import { describe, expect, it } from 'vitest';
import { BADGE_METRICS, type BadgeFacts } from './badge-facts';
import { badgeText } from './badge-text';
import { shieldsEndpoint } from './shields-endpoint';

const facts: BadgeFacts = {
  state: 'down',
  uptime: { '24h': 99.95, '7d': 98, '30d': null, '90d': 80 },
  latencyMs: 1500,
  certDaysLeft: 20,
};

describe('shieldsEndpoint', () => {
  it.each(BADGE_METRICS)('says what the %s badge says, with the hex colour shields reads (no #)', (metric) => {
    const { label, message, color } = badgeText(metric, facts);
    expect(shieldsEndpoint(metric, facts)).toEqual({ schemaVersion: 1, label, message, color: color.slice(1) });
  });

  it('has exactly the four endpoint fields', () => {
    expect(Object.keys(shieldsEndpoint('status', facts)).sort()).toEqual(['color', 'label', 'message', 'schemaVersion']);
    expect(shieldsEndpoint('status', facts).color).toBe('e05d44');
  });

  it('passes the uptime window on', () => {
    expect(shieldsEndpoint('uptime', facts, '90d')).toEqual({ schemaVersion: 1, label: 'uptime 90d', message: '80%', color: 'e05d44' });
    expect(shieldsEndpoint('uptime', facts).label).toBe('uptime 24h');
  });
});
