import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertDeliverySchema } from '@mini-netumo/contracts';
import { insertDeliveryWithoutJob } from '@mini-netumo/domain/testing';
import { UNKNOWN_ID, clientError, expectContractShape, recordVerdicts, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

describe('alerts router', () => {
  let incidentId: string;
  let channelId: string;

  /** A reminder of the incident to the in-app channel that failed every attempt. */
  async function deadLetter(): Promise<string> {
    const id = await insertDeliveryWithoutJob(api.runtime.database.db, incidentId, channelId);
    await api.runtime.database.sql`update alert_deliveries set status = 'dead', last_error = 'HTTP 500' where id = ${id}`;
    return id;
  }

  beforeAll(async () => {
    // Active so that checks are recorded; no worker runs, so nothing is checked and no alert is sent.
    const monitor = await api.caller.monitors.create({ name: 'Shop', url: 'http://127.0.0.1:9/' });
    const [, down] = await recordVerdicts(api, monitor.id, ['down', 'down']);
    if (!down?.incident) throw new Error('two failed checks opened no incident');
    incidentId = down.incident.id;
    channelId = (await api.caller.channels.create({ name: 'Inbox', kind: 'in-app', config: {} })).id;
  });

  it('list shows dead letters with their monitor and channel, and filters', async () => {
    const id = await deadLetter();
    const dead = expectContractShape(z.array(alertDeliverySchema), await api.caller.alerts.list({ status: 'dead' }));
    expect(dead.find((alert) => alert.id === id)).toMatchObject({
      type: 'reminder',
      incidentId,
      monitorName: 'Shop',
      channelId,
      channelName: 'Inbox',
      channelKind: 'in-app',
      status: 'dead',
      lastError: 'HTTP 500',
      attempts: [],
      deliveredAt: null,
    });
    expect((await api.caller.alerts.list({ incidentId, channelId })).map((alert) => alert.id)).toContain(id);
    expect(await api.caller.alerts.list({ status: 'delivered' })).toEqual([]);
    expect(await api.caller.alerts.list({ channelId: UNKNOWN_ID })).toEqual([]);
  });

  it('retry sends a dead letter round again, once', async () => {
    const id = await deadLetter();
    expect(expectContractShape(alertDeliverySchema, await api.caller.alerts.retry({ id }))).toMatchObject({
      id,
      status: 'pending',
      lastError: 'HTTP 500',
    });
    expect(await clientError(api.caller.alerts.retry({ id }))).toEqual({
      code: 'CONFLICT',
      message: `alert ${id} is pending; only a dead alert can be retried`,
      fieldErrors: undefined,
    });
  });

  it('discard removes a dead letter and says so on the incident’s timeline; only dead ones', async () => {
    const id = await deadLetter();
    expect(await api.caller.alerts.discard({ id })).toEqual({ id });
    expect((await api.caller.alerts.list({ incidentId })).map((alert) => alert.id)).not.toContain(id);
    const { timeline } = await api.caller.incidents.get({ id: incidentId });
    expect(timeline.filter((event) => event.type === 'alert_discarded').map((event) => [event.channelId, event.note])).toEqual([
      [channelId, 'reminder notice discarded after: HTTP 500'],
    ]);

    const retried = await deadLetter();
    await api.caller.alerts.retry({ id: retried });
    expect(await clientError(api.caller.alerts.discard({ id: retried }))).toMatchObject({
      code: 'CONFLICT',
      message: `alert ${retried} is pending; only a dead alert can be discarded`,
    });
  });

  it.each(['retry', 'discard'] as const)('%s answers NOT_FOUND for an unknown alert', async (procedure) => {
    expect(await clientError(api.caller.alerts[procedure]({ id: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `alert ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
  });

  it('refuses bad input by field', async () => {
    expect((await clientError(api.caller.alerts.list({ status: 'lost' as never, monitorId: 'abc' }))).fieldErrors).toEqual({
      status: 'status must be one of pending, failed, delivered, dead',
      monitorId: 'monitorId must be a monitor id (uuid)',
    });
    expect((await clientError(api.caller.alerts.retry({ id: 'abc' }))).fieldErrors).toEqual({ id: 'id must be an alert id (uuid)' });
  });
});
