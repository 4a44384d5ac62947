import type { IncidentDetail } from '@mini-netumo/contracts';

/** Specs' incident: an open outage of "Shop", with what a spec is about given in `overrides`. */
export const FIXTURE_INCIDENT_ID = '00000000-0000-4000-8000-0000000000a1';

export const incidentDetailFixture = (overrides: Partial<IncidentDetail> = {}): IncidentDetail => ({
  id: FIXTURE_INCIDENT_ID,
  monitorId: '00000000-0000-4000-8000-0000000000b1',
  kind: 'down',
  state: 'open',
  openedAt: new Date('2026-01-01T00:00:00Z'),
  resolvedAt: null,
  cause: 'HTTP 500',
  monitorName: 'Shop',
  monitorUrl: 'https://shop.example',
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolveReason: null,
  resolutionNote: null,
  timeline: [],
  updates: [],
  ...overrides,
});
