import { describe, expect, it } from 'vitest';
import { monitorSchema, type MonitorInput } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

/** Paused, on a loopback port nothing listens on: no check is ever due. */
const HTTP: MonitorInput = { name: 'Site', url: 'http://127.0.0.1:9/', paused: true };
const TCP: MonitorInput = { kind: 'tcp', name: 'Postgres', host: '127.0.0.1', port: 5432, paused: true };
const DNS: MonitorInput = { kind: 'dns', name: 'Resolver', hostname: 'App.Localhost', resolver: '127.0.0.1:5353', paused: true };

describe('monitors.create', () => {
  it('creates an HTTP monitor when kind is left out, with the defaults filled in', async () => {
    const created = expectContractShape(monitorSchema, await api.caller.monitors.create(HTTP));
    expect(created).toMatchObject({
      kind: 'http',
      url: 'http://127.0.0.1:9/',
      method: 'GET',
      expectedStatusCodes: '200-299',
      intervalSeconds: 300,
      failureThreshold: 2,
      expiryReminderDays: [7, 3, 1],
      paused: true,
      status: 'paused',
      channelIds: [],
    });
  });

  it.each([
    ['tcp', TCP, { host: '127.0.0.1', port: 5432, tls: false, send: null, expect: null }],
    ['dns', DNS, { hostname: 'app.localhost', recordType: 'A', resolver: '127.0.0.1:5353', expected: null }],
  ] as const)('creates a %s monitor with its own fields and none of HTTP', async (kind, input, own) => {
    const created = expectContractShape(monitorSchema, await api.caller.monitors.create(input));
    expect(created).toMatchObject({ kind, name: input.name, status: 'paused', intervalSeconds: 300, ...own });
    expect(created).not.toHaveProperty('url');
    expect(await api.caller.monitors.get({ id: created.id })).toEqual(created);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const before = (await api.caller.monitors.list()).length;
    expect((await clientError(api.caller.monitors.create({ name: '', url: 'ftp://127.0.0.1/', intervalSeconds: 5 }))).fieldErrors).toEqual({
      name: 'name is required',
      url: 'url must start with http:// or https://',
      intervalSeconds: 'intervalSeconds must be at least 20',
    });
    expect(await clientError(api.caller.monitors.create({ kind: 'ftp', name: 'F' } as never))).toEqual({
      code: 'BAD_REQUEST',
      message: 'kind must be one of http, tcp, dns, heartbeat',
      fieldErrors: { kind: 'kind must be one of http, tcp, dns, heartbeat' },
    });
    expect((await clientError(api.caller.monitors.create({ kind: 'tcp', name: 'T', host: '127.0.0.1' } as never))).fieldErrors).toEqual({
      port: 'port must be a number',
    });
    expect(await api.caller.monitors.list()).toHaveLength(before);
  });
});

describe('monitors.list and get', () => {
  it('lists every monitor in its own shape, and get adds the channel list', async () => {
    const created = await api.caller.monitors.create({ ...HTTP, name: 'Listed' });
    const listed = (await api.caller.monitors.list()).find((monitor) => monitor.id === created.id);
    expect(expectContractShape(monitorSchema, listed)).not.toHaveProperty('channelIds');
    expect(listed).toEqual({ ...created, channelIds: undefined });
    expect(await api.caller.monitors.get({ id: created.id })).toEqual(created);
  });

  it('names the id field when it is not a uuid', async () => {
    expect((await clientError(api.caller.monitors.get({ id: 'abc' }))).fieldErrors).toEqual({ id: 'id must be a monitor id (uuid)' });
  });

  it.each(['get', 'delete', 'pause', 'resume', 'checkNow', 'checkExpiryNow'] as const)(
    '%s answers NOT_FOUND for an unknown monitor',
    async (procedure) => {
      expect(await clientError(api.caller.monitors[procedure]({ id: UNKNOWN_ID }))).toEqual({
        code: 'NOT_FOUND',
        message: `monitor ${UNKNOWN_ID} not found`,
        fieldErrors: undefined,
      });
    },
  );
});

describe('monitors.update', () => {
  it('changes only the fields sent, shared and of its own kind', async () => {
    const http = await api.caller.monitors.create(HTTP);
    const renamed = await api.caller.monitors.update({ id: http.id, patch: { name: 'Renamed', intervalSeconds: 60 } });
    expect(expectContractShape(monitorSchema, renamed)).toMatchObject({
      name: 'Renamed',
      intervalSeconds: 60,
      url: 'http://127.0.0.1:9/',
      method: 'GET',
    });
    const tcp = await api.caller.monitors.create(TCP);
    expect(await api.caller.monitors.update({ id: tcp.id, patch: { port: 6543, tls: true } })).toMatchObject({
      kind: 'tcp',
      host: '127.0.0.1',
      port: 6543,
      tls: true,
    });
  });

  it.each([
    [HTTP, { port: 8080 }, 'port is not a field of http monitors', { 'patch.port': 'port is not a field of http monitors' }],
    [TCP, { url: 'http://127.0.0.1:9/' }, 'url is not a field of tcp monitors', { 'patch.url': 'url is not a field of tcp monitors' }],
    [
      DNS,
      { host: '127.0.0.1', port: 53 },
      'host, port are not fields of dns monitors',
      { 'patch.host': 'host is not a field of dns monitors', 'patch.port': 'port is not a field of dns monitors' },
    ],
  ] as const)('refuses another kind’s field by name and path (%#), and changes nothing', async (input, patch, message, fieldErrors) => {
    const created = await api.caller.monitors.create(input);
    expect(await clientError(api.caller.monitors.update({ id: created.id, patch }))).toEqual({ code: 'BAD_REQUEST', message, fieldErrors });
    expect(await api.caller.monitors.get({ id: created.id })).toEqual(created);
  });

  it('refuses an empty patch, a reminder no longer below its alert threshold, and an unknown monitor', async () => {
    const created = await api.caller.monitors.create(HTTP);
    expect((await clientError(api.caller.monitors.update({ id: created.id, patch: {} }))).fieldErrors).toEqual({
      patch: 'patch must change at least one field',
    });
    const reminder = 'expiryReminderDays must each be below tlsAlertDays and domainAlertDays (7 is not below 5)';
    expect(await clientError(api.caller.monitors.update({ id: created.id, patch: { tlsAlertDays: 5 } }))).toEqual({
      code: 'BAD_REQUEST',
      message: reminder,
      fieldErrors: { 'patch.expiryReminderDays': reminder },
    });
    expect(await clientError(api.caller.monitors.update({ id: UNKNOWN_ID, patch: { name: 'x' } }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names an unknown channel at its path, in a create and in an edit', async () => {
    const unknown = `channelIds: channel ${UNKNOWN_ID} does not exist`;
    expect((await clientError(api.caller.monitors.create({ ...HTTP, channelIds: [UNKNOWN_ID] }))).fieldErrors).toEqual({
      channelIds: unknown,
    });
    const created = await api.caller.monitors.create(HTTP);
    expect((await clientError(api.caller.monitors.update({ id: created.id, patch: { channelIds: [UNKNOWN_ID] } }))).fieldErrors).toEqual({
      'patch.channelIds': unknown,
    });
  });
});

describe('TCP monitors’ own rules', () => {
  const SERVER_NAME = 'tlsServerName applies only with tls: true (without TLS, leave it out or null)';
  const IGNORE = 'ignoreTlsErrors applies only with tls: true (without TLS, leave it out or false)';

  it('keep an empty send as null ("send nothing"), and refuse an expectation of blanks only', async () => {
    expect(await api.caller.monitors.create({ ...TCP, send: '' })).toMatchObject({ send: null });
    expect((await clientError(api.caller.monitors.create({ ...TCP, expect: ' \r\n ' }))).fieldErrors).toEqual({
      expect: 'expect must not be empty or only blanks (leave it out to expect nothing)',
    });
    const created = await api.caller.monitors.create({ ...TCP, send: 'PING\r\n' });
    expect(await api.caller.monitors.update({ id: created.id, patch: { send: '' } })).toMatchObject({ send: null });
  });

  it('refuse TLS options without TLS on create, naming each', async () => {
    expect(await clientError(api.caller.monitors.create({ ...TCP, tlsServerName: 'db.example.com', ignoreTlsErrors: true }))).toEqual({
      code: 'BAD_REQUEST',
      message: `${SERVER_NAME}; ${IGNORE}`,
      fieldErrors: { tlsServerName: SERVER_NAME, ignoreTlsErrors: IGNORE },
    });
    expect(await api.caller.monitors.create({ ...TCP, tls: true, tlsServerName: 'db.example.com' })).toMatchObject({
      tls: true,
      tlsServerName: 'db.example.com',
    });
  });

  it('judge an edit by the settings it leaves: turning TLS off must clear its options with it', async () => {
    const created = await api.caller.monitors.create({ ...TCP, tls: true, tlsServerName: 'db.example.com', ignoreTlsErrors: true });
    expect(await clientError(api.caller.monitors.update({ id: created.id, patch: { tls: false } }))).toEqual({
      code: 'BAD_REQUEST',
      message: `${SERVER_NAME}; ${IGNORE}`,
      fieldErrors: { 'patch.tlsServerName': SERVER_NAME, 'patch.ignoreTlsErrors': IGNORE },
    });
    const plain = await api.caller.monitors.create(TCP);
    expect((await clientError(api.caller.monitors.update({ id: plain.id, patch: { ignoreTlsErrors: true } }))).fieldErrors).toEqual({
      'patch.ignoreTlsErrors': IGNORE,
    });
    expect(await api.caller.monitors.get({ id: created.id })).toEqual(created);
    const off = { tls: false, tlsServerName: null, ignoreTlsErrors: false };
    expect(await api.caller.monitors.update({ id: created.id, patch: off })).toMatchObject(off);
  });
});

describe('monitors.pause, resume, checkNow, delete', () => {
  it('checks only an active monitor on demand, and deletes it', async () => {
    const created = await api.caller.monitors.create(HTTP);
    expect(await api.caller.monitors.resume({ id: created.id })).toMatchObject({ paused: false, status: 'pending' });
    expect(await api.caller.monitors.checkNow({ id: created.id })).toEqual({ queued: true });
    // A loopback address over plain http: no certificate, no registrable domain, so nothing to queue.
    expect(await api.caller.monitors.checkExpiryNow({ id: created.id })).toEqual({ queued: [] });

    expect(await api.caller.monitors.pause({ id: created.id })).toMatchObject({ paused: true, status: 'paused' });
    for (const call of [api.caller.monitors.checkNow, api.caller.monitors.checkExpiryNow]) {
      expect(await clientError(call({ id: created.id }))).toMatchObject({
        code: 'NOT_FOUND',
        message: `active monitor ${created.id} not found`,
      });
    }

    expect(await api.caller.monitors.delete({ id: created.id })).toEqual({ id: created.id });
    expect(await clientError(api.caller.monitors.get({ id: created.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('monitors.checkExpiryNow', () => {
  it.each<[string, MonitorInput, string[]]>([
    ['an https monitor on a name', { name: 'Shop', url: 'https://shop.example.test:9/' }, ['tls', 'domain']],
    ['a plain-http monitor on a name', { name: 'Blog', url: 'http://blog.example.test:9/' }, ['domain']],
    ['a TCP monitor with TLS on an address', { ...TCP, tls: true, paused: false }, ['tls']],
    ['a DNS monitor', { ...DNS, hostname: 'api.example.test', paused: false }, ['domain']],
    ['a TCP monitor without TLS on an address', { ...TCP, paused: false }, []],
  ])('answers the lanes it queued for %s', async (_what, input, queued) => {
    const { id } = await api.caller.monitors.create(input);
    expect(await api.caller.monitors.checkExpiryNow({ id })).toEqual({ queued });
  });
});
