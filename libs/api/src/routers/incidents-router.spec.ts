import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { incidentDetailSchema, incidentSchema, type Incident } from '@mini-netumo/contracts';
import {
  UNKNOWN_ID,
  clientError,
  expectContractShape,
  recordVerdicts,
  useRouterHarness,
  type RouterHarness,
} from '../testing/router-harness';

const api = useRouterHarness();

/**
 * Incident answers also carry `subject`, a column that incidentSchema does not name (reported, not changed
 * here). Everything else must be exactly the contract.
 */
function expectIncidentShape<T>(schema: z.ZodType<T>, answer: object): T {
  const { subject, ...named } = answer as { subject?: unknown };
  expect(subject).toBeNull();
  return expectContractShape(schema, named);
}

/** An active monitor (no worker checks it) taken down by two failed checks; `recover` brings it back up. */
async function incidentOn(harness: RouterHarness, name: string, recover = false): Promise<Incident> {
  const monitor = await harness.caller.monitors.create({ name, url: 'http://127.0.0.1:9/' });
  const [, down] = await recordVerdicts(harness, monitor.id, ['down', 'down']);
  if (!down?.incident) throw new Error(`no incident opened on ${name}`);
  if (recover) await recordVerdicts(harness, monitor.id, ['up']);
  return down.incident;
}

describe('incidents router', () => {
  let open: Incident;
  let recovered: Incident;

  beforeAll(async () => {
    open = await incidentOn(api, 'Shop');
    recovered = await incidentOn(api, 'Blog', true);
  });

  it('list filters by monitor and state, open ones first', async () => {
    const all = (await api.caller.incidents.list({})).map((incident) => expectIncidentShape(incidentSchema, incident));
    expect(all.map((incident) => [incident.id, incident.state])).toEqual([
      [open.id, 'open'],
      [recovered.id, 'resolved'],
    ]);
    expect(all[0]).toMatchObject({ monitorId: open.monitorId, kind: 'down', resolvedAt: null, cause: 'HTTP 503, expected 200-299' });
    expect((await api.caller.incidents.list({ monitorId: recovered.monitorId })).map((incident) => incident.id)).toEqual([recovered.id]);
    expect((await api.caller.incidents.list({ state: 'resolved' })).map((incident) => incident.id)).toEqual([recovered.id]);
    expect(await api.caller.incidents.list({ kind: 'tls' })).toEqual([]);
    expect((await api.caller.incidents.list({ limit: 1, offset: 1 })).map((incident) => incident.id)).toEqual([recovered.id]);
  });

  it('get gives the monitor, how it ended and the timeline', async () => {
    const detail = expectIncidentShape(incidentDetailSchema, await api.caller.incidents.get({ id: recovered.id }));
    expect(detail).toMatchObject({
      monitorName: 'Blog',
      monitorUrl: 'http://127.0.0.1:9/',
      state: 'resolved',
      resolveReason: 'recovered',
      acknowledgedAt: null,
    });
    expect(detail.resolvedAt).toBeInstanceOf(Date);
  });

  it('acknowledge names who took it, once, and resolve closes it with a note', async () => {
    const acknowledged = expectIncidentShape(
      incidentSchema,
      await api.caller.incidents.acknowledge({ id: open.id, by: 'Ana', note: 'looking' }),
    );
    expect(acknowledged).toMatchObject({ id: open.id, state: 'acknowledged', resolvedAt: null });
    expect(await api.caller.incidents.acknowledge({ id: open.id, by: 'Bo' })).toMatchObject({ state: 'acknowledged' });

    const resolved = await api.caller.incidents.resolve({ id: open.id, by: 'Ana', note: '  disk replaced  ' });
    expect(resolved).toMatchObject({ id: open.id, state: 'resolved' });
    const detail = await api.caller.incidents.get({ id: open.id });
    expect(detail).toMatchObject({ acknowledgedBy: 'Ana', resolveReason: 'manual', resolutionNote: 'disk replaced' });
    expect(detail.timeline.map((event) => [event.type, event.actor, event.note])).toEqual([
      ['acknowledged', 'Ana', 'looking'],
      ['resolved', 'Ana', 'disk replaced'],
    ]);
  });

  it('refuses to acknowledge or resolve a resolved incident (CONFLICT)', async () => {
    for (const call of [api.caller.incidents.acknowledge, api.caller.incidents.resolve]) {
      expect(await clientError(call({ id: recovered.id }))).toEqual({
        code: 'CONFLICT',
        message: `incident ${recovered.id} is already resolved`,
        fieldErrors: undefined,
      });
    }
  });

  it.each(['get', 'acknowledge', 'resolve'] as const)('%s answers NOT_FOUND for an unknown incident', async (procedure) => {
    expect(await clientError(api.caller.incidents[procedure]({ id: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `incident ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
  });

  it('refuses bad input by field', async () => {
    expect((await clientError(api.caller.incidents.list({ state: 'closed' as never, limit: 0 }))).fieldErrors).toEqual({
      state: 'state must be one of open, acknowledged, resolved',
      limit: 'limit must be at least 1',
    });
    expect((await clientError(api.caller.incidents.resolve({ id: 'abc', note: 'x'.repeat(2_001) }))).fieldErrors).toEqual({
      id: 'id must be an incident id (uuid)',
      note: 'note must be at most 2000 characters',
    });
  });
});
