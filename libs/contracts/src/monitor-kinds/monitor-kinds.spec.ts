import { describe, expect, it } from 'vitest';
import { monitorInputSchema, monitorUpdateSchema } from '../monitor';
import { MONITOR_KIND_CONTRACTS, kindsWithField, type MonitorKind, type MonitorKindContract } from './monitor-kinds';

const issuesOf = (input: unknown) =>
  monitorInputSchema.safeParse(input).error?.issues.map(({ path, message }) => ({ path: path.join('.'), message })) ?? [];

describe('TCP monitors', () => {
  it('fill in their defaults and keep the shared ones', () => {
    const parsed = monitorInputSchema.parse({ kind: 'tcp', name: 'Redis', host: 'LocalHost', port: 6379 });
    expect(parsed).toMatchObject({
      kind: 'tcp',
      host: 'localhost',
      port: 6379,
      tls: false,
      tlsServerName: null,
      ignoreTlsErrors: false,
      send: null,
      expect: null,
      intervalSeconds: 300,
      failureThreshold: 2,
    });
    expect(parsed).not.toHaveProperty('url');
  });

  it.each([
    [{ port: 0 }, 'port', 'port must be at least 1'],
    [{ port: 65_536 }, 'port', 'port must be at most 65535'],
    [{ port: '80' }, 'port', 'port must be a number'],
    [{ host: 'https://example.com' }, 'host', 'host must be a host name (example.com) or an IP address, without a scheme or port'],
    [{ host: 'example.com:80' }, 'host', 'host must be a host name (example.com) or an IP address, without a scheme or port'],
    [{ host: '999.1.1.1' }, 'host', 'host must be a host name (example.com) or an IP address, without a scheme or port'],
    [{ host: '' }, 'host', 'host is required'],
    [{ expect: '' }, 'expect', 'expect must not be empty or only blanks (leave it out to expect nothing)'],
    [{ expect: ' \r\n\t' }, 'expect', 'expect must not be empty or only blanks (leave it out to expect nothing)'],
    [{ tlsServerName: 'db.example.com' }, 'tlsServerName', 'tlsServerName applies only with tls: true (without TLS, leave it out or null)'],
    [{ ignoreTlsErrors: true }, 'ignoreTlsErrors', 'ignoreTlsErrors applies only with tls: true (without TLS, leave it out or false)'],
    [{ send: 'x'.repeat(4_097) }, 'send', 'send must be at most 4096 characters'],
    [{ tls: 'yes' }, 'tls', 'tls must be true or false'],
  ])('refuse %j at %s', (override, path, message) => {
    expect(issuesOf({ kind: 'tcp', name: 'T', host: '127.0.0.1', port: 5432, ...override })).toEqual([{ path, message }]);
  });

  it('keep an empty send as null ("send nothing"), and blanks to send as they are', () => {
    const base = { kind: 'tcp', name: 'T', host: '127.0.0.1', port: 5432 };
    expect(monitorInputSchema.parse({ ...base, send: '' })).toMatchObject({ send: null });
    expect(monitorInputSchema.parse({ ...base, send: '\r\n' })).toMatchObject({ send: '\r\n' });
    expect(monitorUpdateSchema.parse({ id: crypto.randomUUID(), patch: { send: '' } }).patch).toEqual({ send: null });
  });

  it('take the TLS options with TLS, and judge them without it only once tls itself is valid', () => {
    const options = { tlsServerName: 'db.example.com', ignoreTlsErrors: true };
    expect(monitorInputSchema.parse({ kind: 'tcp', name: 'T', host: '127.0.0.1', port: 5432, tls: true, ...options })).toMatchObject(
      options,
    );
    expect(issuesOf({ kind: 'tcp', name: 'T', host: '127.0.0.1', port: 5432, tls: 'no', ...options })).toEqual([
      { path: 'tls', message: 'tls must be true or false' },
    ]);
    expect(issuesOf({ kind: 'tcp', name: '', host: '127.0.0.1', port: 5432, ...options }).map((issue) => issue.path)).toEqual([
      'name',
      'tlsServerName',
      'ignoreTlsErrors',
    ]);
  });

  it('take an IPv6 address as host', () => {
    expect(monitorInputSchema.parse({ kind: 'tcp', name: 'T', host: '::1', port: 22 })).toMatchObject({ host: '::1' });
  });
});

describe('DNS monitors', () => {
  it('fill in their defaults and keep the resolver in one canonical form', () => {
    expect(monitorInputSchema.parse({ kind: 'dns', name: 'D', hostname: 'example.com', resolver: ' 127.0.0.1 ' })).toMatchObject({
      kind: 'dns',
      hostname: 'example.com',
      recordType: 'A',
      resolver: '127.0.0.1:53',
      expected: null,
    });
  });

  it.each([
    [{ recordType: 'SRV' }, 'recordType', 'recordType must be one of A, AAAA, CNAME, MX, TXT, NS'],
    [{ resolver: 'dns.google' }, 'resolver', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "dns.google"'],
    [{ resolver: '127.0.0.1:99999' }, 'resolver', 'resolver port must be 1-65535, not "99999"'],
    [{ hostname: 'not a name' }, 'hostname', 'hostname must be a host name (example.com) or an IP address, without a scheme or port'],
    [{ expected: '   ' }, 'expected', 'expected must not be empty (leave it out to accept any answer)'],
  ])('refuse %j at %s', (override, path, message) => {
    expect(issuesOf({ kind: 'dns', name: 'D', hostname: 'example.com', ...override })).toEqual([{ path, message }]);
  });
});

describe('kinds', () => {
  it('an unknown kind is named, and nothing else is reported', () => {
    expect(issuesOf({ kind: 'ftp', name: 'F' })).toEqual([{ path: 'kind', message: 'kind must be one of http, tcp, dns, heartbeat' }]);
  });

  it('a TCP monitor does not take HTTP fields silently: they are not part of its shape', () => {
    const parsed = monitorInputSchema.parse({ kind: 'tcp', name: 'T', host: '127.0.0.1', port: 1, url: 'https://a.example' });
    expect(parsed).not.toHaveProperty('url');
  });

  it('a patch may carry any kind’s field; the monitor’s kind decides later which apply', () => {
    expect(monitorUpdateSchema.parse({ id: crypto.randomUUID(), patch: { port: 8080 } }).patch).toEqual({ port: 8080 });
    expect(kindsWithField('port')).toEqual(['tcp']);
    expect(kindsWithField('ignoreTlsErrors')).toEqual(['http', 'tcp']);
    expect(kindsWithField('name')).toEqual([]);
  });

  it('each kind names its target in one line', () => {
    const tcp = monitorInputSchema.parse({ kind: 'tcp', name: 'T', host: '::1', port: 443, tls: true });
    const dns = monitorInputSchema.parse({ kind: 'dns', name: 'D', hostname: 'example.com', recordType: 'MX', resolver: '127.0.0.1:5353' });
    if (tcp.kind !== 'tcp' || dns.kind !== 'dns') throw new Error('parsed as the wrong kind');
    expect(MONITOR_KIND_CONTRACTS.tcp.describeTarget(tcp)).toBe('[::1]:443 (TLS)');
    expect(MONITOR_KIND_CONTRACTS.dns.describeTarget(dns)).toBe('MX example.com @127.0.0.1:5353');
  });

  it('a registry that lacks a kind does not compile (checked by tsc, which npm test runs)', () => {
    // @ts-expect-error dns is missing: every MonitorKind needs its entry.
    const incomplete: Record<MonitorKind, MonitorKindContract<never>> = {
      http: MONITOR_KIND_CONTRACTS.http,
      tcp: MONITOR_KIND_CONTRACTS.tcp,
    };
    expect(Object.keys(incomplete)).toEqual(['http', 'tcp']);
  });
});
