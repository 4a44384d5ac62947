import { beforeAll, describe, expect, it } from 'vitest';
import { incidentDetailSchema, incidentSchema, incidentUpdateSchema, type Incident, type LiveEvent } from '@mini-netumo/contracts';
import { waitFor } from '@mini-netumo/domain/testing';
import {
  UNKNOWN_ID,
  clientError,
  expectContractShape,
  lookUpRegistration,
  recordVerdicts,
  useRouterHarness,
  type RouterHarness,
} from '../testing/router-harness';

const api = useRouterHarness();
const DAY = 86_400_000;

/**
 * An active monitor (no worker checks it) taken down by two failed checks; `recover` brings it back up. The
 * incident is the one the check hands on to its live event, so it is held to the contract as well.
 */
async function incidentOn(harness: RouterHarness, name: string, recover = false): Promise<Incident> {
  const monitor = await harness.caller.monitors.create({ name, url: 'http://127.0.0.1:9/' });
  const [, down] = await recordVerdicts(harness, monitor.id, ['down', 'down']);
  if (!down?.incident) throw new Error(`no incident opened on ${name}`);
  expectContractShape(incidentSchema, down.incident);
  if (recover) {
    const [up] = await recordVerdicts(harness, monitor.id, ['up']);
    expectContractShape(incidentSchema, up?.incident);
  }
  return down.incident;
}

/** The `incident` events the runtime's own bus delivers while `act` runs. */
async function incidentEventsOf(harness: RouterHarness, act: () => Promise<unknown>, count: number): Promise<unknown[]> {
  const seen: unknown[] = [];
  const unsubscribe = await harness.ctx.events.subscribe((event: LiveEvent) => {
    if (event.type === 'incident') seen.push(event.incident);
  });
  try {
    await act();
    return await waitFor(`${count} incident events`, () => seen.length >= count && seen);
  } finally {
    await unsubscribe();
  }
}

describe('incidents router', () => {
  let open: Incident;
  let recovered: Incident;

  beforeAll(async () => {
    open = await incidentOn(api, 'Shop');
    recovered = await incidentOn(api, 'Blog', true);
  });

  it('list filters by monitor and state, open ones first', async () => {
    const all = (await api.caller.incidents.list({})).map((incident) => expectContractShape(incidentSchema, incident));
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
    const detail = expectContractShape(incidentDetailSchema, await api.caller.incidents.get({ id: recovered.id }));
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
    const acknowledged = expectContractShape(
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

  it('tells the dashboards of an acknowledge and a resolve with the incident in the contract’s shape', async () => {
    const incident = await incidentOn(api, 'Live');
    const events = await incidentEventsOf(
      api,
      async () => {
        await api.caller.incidents.acknowledge({ id: incident.id });
        await api.caller.incidents.resolve({ id: incident.id });
      },
      2,
    );
    expect(events.map((event) => expectContractShape(incidentSchema, event).state)).toEqual(['acknowledged', 'resolved']);
  });

  it('answers an expiry incident, which is about a subject, in the contract’s shape too', async () => {
    const { id: monitorId } = await api.caller.monitors.create({ name: 'Shop', url: 'http://shop.example.test:9/', domainAlertDays: 30 });
    const expiresAt = new Date(Date.now() + 20 * DAY);
    const [opened] = await incidentEventsOf(api, () => lookUpRegistration(api, monitorId, 'example.test', expiresAt), 1);
    const { id } = expectContractShape(incidentSchema, opened);
    const listed = await api.caller.incidents.list({ monitorId, kind: 'domain' });
    expect(listed.map((incident) => expectContractShape(incidentSchema, incident))).toEqual([opened]);
    expect(expectContractShape(incidentDetailSchema, await api.caller.incidents.get({ id }))).toMatchObject({ kind: 'domain' });
    expectContractShape(incidentSchema, await api.caller.incidents.acknowledge({ id }));
    expectContractShape(incidentSchema, await api.caller.incidents.resolve({ id }));
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

describe('incidents router: public updates', () => {
  it('posts, edits and deletes updates; the detail shows what stands and the timeline keeps every version', async () => {
    const incident = await incidentOn(api, 'Checkout');
    const posted = expectContractShape(
      incidentUpdateSchema,
      await api.caller.incidents.postUpdate({ id: incident.id, state: 'investigating', message: ' Looking into slow checkouts. ' }),
    );
    expect(posted).toMatchObject({
      incidentId: incident.id,
      state: 'investigating',
      message: 'Looking into slow checkouts.',
      editedAt: null,
    });
    const second = await api.caller.incidents.postUpdate({ id: incident.id, state: 'identified', message: 'A full disk.' });
    const edited = await api.caller.incidents.editUpdate({ updateId: second.id, message: 'A full disk on db-2.' });
    expect(edited.editedAt).toBeInstanceOf(Date);
    await api.caller.incidents.deleteUpdate({ updateId: posted.id });

    const detail = expectContractShape(incidentDetailSchema, await api.caller.incidents.get({ id: incident.id }));
    expect(detail.state).toBe('open');
    expect(detail.updates.map((update) => [update.state, update.message])).toEqual([['identified', 'A full disk on db-2.']]);
    expect(detail.timeline.filter((event) => event.type.startsWith('update_')).map((event) => [event.type, event.note])).toEqual([
      ['update_posted', 'investigating: Looking into slow checkouts.'],
      ['update_posted', 'identified: A full disk.'],
      ['update_edited', 'identified: A full disk on db-2.'],
      ['update_deleted', 'investigating: Looking into slow checkouts.'],
    ]);
    expect((await clientError(api.caller.incidents.editUpdate({ updateId: posted.id, message: 'again' }))).code).toBe('NOT_FOUND');
  });

  it('resolves the incident with a resolved update, and still takes a note after that', async () => {
    const incident = await incidentOn(api, 'Search');
    await api.caller.incidents.postUpdate({ id: incident.id, state: 'resolved', message: 'Fixed.' });
    const detail = await api.caller.incidents.get({ id: incident.id });
    expect(detail).toMatchObject({ state: 'resolved', resolveReason: 'manual', resolutionNote: 'Fixed.' });
    await api.caller.incidents.postUpdate({ id: incident.id, state: 'resolved', message: 'Post-mortem to follow.' });
    expect((await api.caller.incidents.get({ id: incident.id })).updates).toHaveLength(2);
  });

  it('refuses bad input by field', async () => {
    const incident = await incidentOn(api, 'Cart');
    const refusals = await Promise.all([
      clientError(api.caller.incidents.postUpdate({ id: incident.id, state: 'fixed' as never, message: 'x' })),
      clientError(api.caller.incidents.postUpdate({ id: incident.id, state: 'monitoring', message: '   ' })),
      clientError(api.caller.incidents.postUpdate({ id: UNKNOWN_ID, state: 'monitoring', message: 'x' })),
      clientError(api.caller.incidents.editUpdate({ updateId: UNKNOWN_ID })),
    ]);
    expect(refusals.map((refusal) => [refusal.code, refusal.fieldErrors])).toEqual([
      ['BAD_REQUEST', { state: 'state must be one of investigating, identified, monitoring, resolved' }],
      ['BAD_REQUEST', { message: 'message is required' }],
      ['NOT_FOUND', undefined],
      ['BAD_REQUEST', { message: 'give state or message to change' }],
    ]);
  });
});
