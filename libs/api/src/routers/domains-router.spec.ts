import { beforeAll, describe, expect, it } from 'vitest';
import { domainStatusSchema } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, lookUpRegistration, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const DAY = 86_400_000;

describe('domains.get', () => {
  let shopId: string;
  let apiId: string;
  const expiresAt = new Date(Date.now() + 20 * DAY + 3_600_000);

  beforeAll(async () => {
    // Active, as the domain lane skips paused monitors; no worker runs, so nothing is checked. `.test` never resolves.
    shopId = (await api.caller.monitors.create({ name: 'Shop', url: 'http://a.shop.example.test:9/', domainAlertDays: 30 })).id;
    apiId = (
      await api.caller.monitors.create({ kind: 'dns', name: 'API', hostname: 'api.example.test', resolver: '127.0.0.1:9', paused: true })
    ).id;
  });

  it('names the registrable domain before any lookup, with no verdict yet', async () => {
    const status = expectContractShape(domainStatusSchema, await api.caller.domains.get({ monitorId: shopId }));
    expect(status).toEqual({
      monitorId: shopId,
      registrableDomain: 'example.test',
      state: null,
      expiresAt: null,
      daysRemaining: null,
      source: null,
      registrar: null,
      checkedAt: null,
      unknownSince: null,
      reason: null,
      thresholdDays: 30,
    });
  });

  it('judges the shared registration by each monitor’s own threshold', async () => {
    await lookUpRegistration(api, shopId, 'example.test', expiresAt);
    const shop = expectContractShape(domainStatusSchema, await api.caller.domains.get({ monitorId: shopId }));
    expect(shop).toMatchObject({
      state: 'expiring',
      expiresAt,
      daysRemaining: 20,
      source: 'rdap',
      registrar: 'Example Registrar, Inc.',
      thresholdDays: 30,
    });
    expect(shop.checkedAt).toBeInstanceOf(Date);
    // The DNS monitor's hostname is on the same domain: same registration, its default 14 days.
    expect(await api.caller.domains.get({ monitorId: apiId })).toMatchObject({
      registrableDomain: 'example.test',
      state: 'ok',
      expiresAt,
      thresholdDays: 14,
    });
  });

  it('has no registrable domain for an IP address', async () => {
    const { id } = await api.caller.monitors.create({ name: 'Loopback', url: 'http://127.0.0.1:9/', paused: true });
    expect(await api.caller.domains.get({ monitorId: id })).toMatchObject({ registrableDomain: null, state: null });
  });

  it('answers NOT_FOUND for an unknown monitor, and names a bad id', async () => {
    expect(await clientError(api.caller.domains.get({ monitorId: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `monitor ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
    expect((await clientError(api.caller.domains.get({ monitorId: 'abc' }))).fieldErrors).toEqual({
      monitorId: 'monitorId must be a monitor id (uuid)',
    });
  });
});
