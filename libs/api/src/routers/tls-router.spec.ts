import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsStatusSchema, type MonitorInput } from '@mini-netumo/contracts';
import { createExpiryLane, runTlsJob, type AddressLookup } from '@mini-netumo/domain';
import { createTestPki, startTlsTestServer, type TestPki, type TlsTestServer } from '@mini-netumo/domain/testing';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const DAY = 86_400_000;
const HOST = 'shop.example.test';
/** The name resolves to loopback only: the certificate is read from our own server. */
const lookup: AddressLookup = async () => [{ address: '127.0.0.1', family: 4 }];

describe('tls.get', () => {
  let pki: TestPki;
  let server: TlsTestServer;
  let shopId: string;

  beforeAll(async () => {
    pki = createTestPki();
    const leaf = pki.leaf({
      commonName: HOST,
      altNames: [`DNS:${HOST}`],
      notBefore: new Date(Date.now() - 30 * DAY),
      notAfter: new Date(Date.now() + 10 * DAY + 3_600_000),
    });
    server = await startTlsTestServer({ '127.0.0.1': { key: leaf.key, cert: `${leaf.cert}${pki.intermediate.cert}` } });
    // Active, as the certificate lane skips paused monitors; no worker runs, so nothing else is checked.
    shopId = (await api.caller.monitors.create({ name: 'Shop', url: `https://${HOST}:${server.port}/` })).id;
  });
  afterAll(async () => {
    await server?.close();
    pki?.dispose();
  });

  it('names the host and port before the first read, with no verdict', async () => {
    expect(expectContractShape(tlsStatusSchema, await api.caller.tls.get({ monitorId: shopId }))).toEqual({
      monitorId: shopId,
      host: HOST,
      port: server.port,
      state: null,
      daysRemaining: null,
      thresholdDays: 14,
      checkedAt: null,
      addresses: [],
      errorKind: null,
      errorMessage: null,
    });
  });

  it('reports each address’s certificate once read, judged now by the monitor’s threshold', async () => {
    await runTlsJob(api.ctx, { monitorId: shopId }, createExpiryLane(api.ctx, { tls: { timeoutMs: 2_000, ca: pki.root.cert, lookup } }));
    const status = expectContractShape(tlsStatusSchema, await api.caller.tls.get({ monitorId: shopId }));
    expect(status).toMatchObject({ state: 'expiring', daysRemaining: 10, thresholdDays: 14, errorKind: null });
    expect(
      status.addresses.map((report) => [
        report.address,
        report.state,
        report.chainValid,
        report.hostnameMatches,
        report.certificate?.subjectAltNames,
      ]),
    ).toEqual([['127.0.0.1', 'expiring', true, true, [`DNS:${HOST}`]]]);
    await api.caller.monitors.update({ id: shopId, patch: { tlsAlertDays: 5, expiryReminderDays: [3] } });
    expect(await api.caller.tls.get({ monitorId: shopId })).toMatchObject({ state: 'ok', daysRemaining: 10, thresholdDays: 5 });
  });

  it('follows a TCP monitor with TLS to its own host and port', async () => {
    const { id } = await api.caller.monitors.create({ kind: 'tcp', name: 'SMTPS', host: '127.0.0.1', port: 465, tls: true, paused: true });
    expect(await api.caller.tls.get({ monitorId: id })).toMatchObject({ host: '127.0.0.1', port: 465, state: null, addresses: [] });
  });

  it.each<[string, MonitorInput]>([
    ['a DNS monitor', { kind: 'dns', name: 'Resolver', hostname: 'shop.example.test', resolver: '127.0.0.1:9', paused: true }],
    ['a TCP monitor without TLS', { kind: 'tcp', name: 'Postgres', host: '127.0.0.1', port: 5432, paused: true }],
    ['a plain-http monitor', { name: 'Plain', url: `http://${HOST}:9/`, paused: true }],
  ])('answers null for %s: no certificate, so no host or port to name', async (_kind, input) => {
    const { id } = await api.caller.monitors.create(input);
    expect(await api.caller.tls.get({ monitorId: id })).toBeNull();
  });

  it('answers NOT_FOUND for an unknown monitor, and names a bad id', async () => {
    expect(await clientError(api.caller.tls.get({ monitorId: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `monitor ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
    expect((await clientError(api.caller.tls.get({ monitorId: 'abc' }))).fieldErrors).toEqual({
      monitorId: 'monitorId must be a monitor id (uuid)',
    });
  });
});
