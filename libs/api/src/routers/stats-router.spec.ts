import { beforeAll, describe, expect, it } from 'vitest';
import { decodeOverview, fromOverviewWire, monitorStatsSchema, overviewSnapshotSchema } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, recordVerdicts, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const HOUR = 3_600_000;

describe('stats router', () => {
  let monitorId: string;
  let tcpId: string;

  beforeAll(async () => {
    // Active so that checks are recorded; no worker runs, so nothing is ever sent to port 9.
    monitorId = (await api.caller.monitors.create({ name: 'Shop', url: 'http://127.0.0.1:9/shop' })).id;
    await recordVerdicts(api, monitorId, ['up', 'up', 'up', 'down']);
    tcpId = (await api.caller.monitors.create({ kind: 'tcp', name: 'Queue', host: '127.0.0.1', port: 5432, paused: true })).id;
  });

  it('overview gives every monitor its status, target, uptime and sparkline in one call, as columns', async () => {
    const snapshot = expectContractShape(overviewSnapshotSchema, fromOverviewWire(await api.caller.stats.overview()));
    expect(snapshot.sparkLatencies).toHaveLength(snapshot.monitorId.length);
    const byId = new Map(decodeOverview(snapshot).map((row) => [row.monitorId, row]));
    expect(byId.get(monitorId)).toMatchObject({
      name: 'Shop',
      kind: 'http',
      target: 'http://127.0.0.1:9/shop',
      status: 'up',
      uptime24h: 75,
      lastLatencyMs: 130,
    });
    expect(byId.get(monitorId)?.sparkline24h.some((point) => point.state === 'down')).toBe(true);
    expect(byId.get(tcpId)).toMatchObject({
      name: 'Queue',
      kind: 'tcp',
      target: '127.0.0.1:5432',
      status: 'paused',
      uptime24h: null,
      lastLatencyMs: null,
    });
  });

  it('monitor answers the 24 h window by default, counted from the stored checks', async () => {
    const stats = expectContractShape(monitorStatsSchema, await api.caller.stats.monitor({ monitorId }));
    expect(stats).toMatchObject({ monitorId, window: '24h', checks: 4, maintenance: 0, errorRate: 25 });
    expect(stats.uptime['24h']).toBe(75);
    expect(stats.series.reduce((sum, point) => sum + point.checks, 0)).toBe(4);
    expect(stats.statusBar90d).toHaveLength(90);
    expect((await api.caller.stats.monitor({ monitorId, window: '7d' })).window).toBe('7d');
  });

  it('export answers CSV of the raw results in the window', async () => {
    const { csv } = await api.caller.stats.export({
      monitorId,
      what: 'results',
      from: new Date(Date.now() - 2 * HOUR),
      to: new Date(Date.now() + HOUR),
    });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'checked_at,verdict,ok,in_maintenance,status_code,latency_ms,dns_ms,connect_ms,tls_ms,first_byte_ms,attempts,error_kind,error_message',
    );
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual(['down', 'up', 'up', 'up']);
    // The message holds a comma, so it is quoted (RFC 4180).
    expect(lines.find((line) => line.includes(',down,'))).toMatch(
      /Z,down,false,false,503,130,,1,,129,1,status,"HTTP 503, expected 200-299"$/,
    );
  });

  it('refuses bad input by field', async () => {
    expect((await clientError(api.caller.stats.monitor({ monitorId, window: '2h' as never }))).fieldErrors).toEqual({
      window: 'window must be one of 24h, 7d, 30d, 90d, 1y',
    });
    const from = new Date();
    expect(await clientError(api.caller.stats.export({ monitorId, what: 'xml' as never, from, to: from }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { what: 'what must be results, hourly or daily' },
    });
    expect((await clientError(api.caller.stats.export({ monitorId, what: 'daily', from, to: from }))).fieldErrors).toEqual({
      from: 'from must be before to',
    });
  });

  it('answers NOT_FOUND for an unknown monitor', async () => {
    const notFound = { code: 'NOT_FOUND', message: `monitor ${UNKNOWN_ID} not found`, fieldErrors: undefined };
    expect(await clientError(api.caller.stats.monitor({ monitorId: UNKNOWN_ID }))).toEqual(notFound);
    const window = { from: new Date(Date.now() - HOUR), to: new Date() };
    expect(await clientError(api.caller.stats.export({ monitorId: UNKNOWN_ID, what: 'hourly', ...window }))).toEqual(notFound);
  });
});
