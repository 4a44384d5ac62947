import type { BucketState, PublicIncident, PublicMaintenance, PublicMonitor, PublicStatusPage } from '@mini-netumo/contracts';

/** The instant every fixture is drawn at: its 90 days end on 2026-12-07 (UTC). */
export const FIXTURE_NOW = '2026-12-07T14:05:00.000Z';

/** A uuid that differs by `n`, so specs can name what they look for. */
export const fixtureId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** 90 UTC days ending on FIXTURE_NOW's day, oldest first; `stateOf(i)` colours day i (0 = oldest). */
export function fixtureDays(stateOf: (index: number) => BucketState = () => 'up'): PublicMonitor['days'] {
  const last = Date.parse(FIXTURE_NOW.slice(0, 10));
  return Array.from({ length: 90 }, (_, index) => {
    const state = stateOf(index);
    const uptime = state === 'up' ? 100 : state === 'down' ? 97.5 : null;
    return { date: new Date(last - (89 - index) * 86_400_000).toISOString().slice(0, 10), state, uptime };
  });
}

export function monitorFixture(overrides: Partial<PublicMonitor> = {}): PublicMonitor {
  return {
    id: fixtureId(1),
    name: 'Website',
    target: 'https://example.com/health',
    state: 'up',
    uptime: { '24h': 100, '7d': 99.95, '30d': 99.5, '90d': null },
    days: fixtureDays(),
    ...overrides,
  };
}

export function incidentFixture(overrides: Partial<PublicIncident> = {}): PublicIncident {
  return {
    id: fixtureId(100),
    title: 'Website slow to answer',
    monitors: ['Website'],
    state: 'identified',
    openedAt: '2026-12-07T12:00:00.000Z',
    resolvedAt: null,
    updates: [
      {
        id: fixtureId(101),
        state: 'identified',
        message: 'A bad deploy.\nRolling back.',
        postedAt: '2026-12-07T13:00:00.000Z',
        editedAt: '2026-12-07T13:10:00.000Z',
      },
      { id: fixtureId(102), state: 'investigating', message: 'Looking into it.', postedAt: '2026-12-07T12:05:00.000Z', editedAt: null },
    ],
    ...overrides,
  };
}

export function maintenanceFixture(overrides: Partial<PublicMaintenance> = {}): PublicMaintenance {
  return {
    name: 'Database upgrade',
    startsAt: '2026-12-09T02:00:00.000Z',
    endsAt: '2026-12-09T03:30:00.000Z',
    inProgress: false,
    monitors: ['Website'],
    ...overrides,
  };
}

/** A page with one group of one healthy monitor and nothing else going on; override what a spec is about. */
export function statusPageFixture(overrides: Partial<PublicStatusPage> = {}): PublicStatusPage {
  return {
    slug: 'acme',
    title: 'Acme status',
    description: null,
    overall: 'operational',
    generatedAt: FIXTURE_NOW,
    groups: [{ name: 'Public site', monitors: [monitorFixture()] }],
    openIncidents: [],
    resolvedIncidents: [],
    maintenance: [],
    ...overrides,
  };
}
