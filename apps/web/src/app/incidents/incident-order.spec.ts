import type { Incident } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { upsertIncident } from './incident-order';

const incident = (id: string, state: Incident['state'], openedMinute: number): Incident => ({
  id,
  monitorId: 'm',
  kind: 'down',
  state,
  openedAt: new Date(Date.UTC(2025, 0, 1, 0, openedMinute)),
  resolvedAt: state === 'resolved' ? new Date(Date.UTC(2025, 0, 1, 1)) : null,
  cause: null,
});

describe('upsertIncident', () => {
  it('keeps open incidents first, newest first within each group', () => {
    const list = [incident('a', 'resolved', 50), incident('b', 'open', 10)];
    const next = upsertIncident(list, incident('c', 'open', 20));
    expect(next.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('replaces an incident by id, moving it when it resolves', () => {
    const list = upsertIncident([incident('a', 'resolved', 5)], incident('b', 'open', 1));
    const next = upsertIncident(list, incident('b', 'resolved', 1));
    expect(next.map((i) => [i.id, i.state])).toEqual([
      ['a', 'resolved'],
      ['b', 'resolved'],
    ]);
  });
});
