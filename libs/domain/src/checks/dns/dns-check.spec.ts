import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsTestServer, type DnsTestServer, type DnsZone } from '../../testing/dns-test-server';
import type { DnsRecordType } from '@mini-netumo/contracts';
import { PRIVATE_TARGET_GUARD } from '../net/target-guard';
import { runDnsCheck, type DnsCheckConfig } from './dns-check';

/** A 4096-bit DKIM key is about this long: four chunks. */
const LONG_TXT = ['v=DKIM1; k=rsa; p=', 'A'.repeat(255), 'B'.repeat(255), 'C'.repeat(255), 'D'.repeat(200)];

const ZONE: DnsZone = {
  'example.test': {
    A: ['192.0.2.10', '192.0.2.11'],
    AAAA: ['2001:db8::10'],
    MX: [
      { preference: 10, exchange: 'mail.example.test' },
      { preference: 20, exchange: 'backup.example.test' },
    ],
    TXT: ['v=spf1 -all', ['site-verification=', 'AbC123']],
    NS: ['ns1.dns-host.test', 'ns2.dns-host.test'],
  },
  'www.example.test': { CNAME: 'example.test' },
  'only-a.example.test': { A: ['192.0.2.20'] },
  'dkim.example.test': { TXT: [LONG_TXT] },
  'gone.example.test': { behaviour: 'nxdomain' },
  'broken.example.test': { behaviour: 'servfail' },
  'refusing.example.test': { behaviour: 'refused' },
  'hangs.example.test': { behaviour: 'silent' },
  'empty.example.test': { behaviour: 'empty' },
};

describe('runDnsCheck against a real DNS server on 127.0.0.1', () => {
  let server: DnsTestServer;
  const check = (hostname: string, recordType: DnsRecordType, overrides: Partial<DnsCheckConfig> = {}) =>
    runDnsCheck({ hostname, recordType, resolver: server.resolver, expected: null, timeoutMs: 2_000, ...overrides });

  beforeAll(async () => {
    server = await startDnsTestServer(ZONE);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each<[DnsRecordType, string, string[]]>([
    ['A', 'example.test', ['192.0.2.10', '192.0.2.11']],
    ['AAAA', 'example.test', ['2001:db8::10']],
    ['CNAME', 'www.example.test', ['example.test']],
    ['A', 'www.example.test', ['192.0.2.10', '192.0.2.11']],
    ['MX', 'example.test', ['10 mail.example.test', '20 backup.example.test']],
    ['TXT', 'example.test', ['v=spf1 -all', 'site-verification=AbC123']],
    ['TXT', 'dkim.example.test', [LONG_TXT.join('')]],
    ['NS', 'example.test', ['ns1.dns-host.test', 'ns2.dns-host.test']],
  ])('answers %s %s and renders it as %j', async (recordType, hostname, answers) => {
    const outcome = await check(hostname, recordType);
    expect(outcome).toMatchObject({ ok: true, statusCode: null, errorKind: null, errorMessage: null });
    expect([...outcome.answers].sort()).toEqual([...answers].sort());
  });

  it('records the lookup as the DNS phase and nothing else', async () => {
    const { timings, latencyMs } = await check('example.test', 'A');
    expect(timings).toMatchObject({ connectMs: null, tlsMs: null, firstByteMs: null });
    expect(timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.dnsMs ?? Number.POSITIVE_INFINITY);
    expect(latencyMs).toBe(timings.totalMs);
  });

  it.each<[DnsRecordType, string, string]>([
    ['A', 'example.test', '192.0.2.11'],
    ['AAAA', 'example.test', '2001:DB8:0:0::10'],
    ['CNAME', 'www.example.test', 'EXAMPLE.test.'],
    ['MX', 'example.test', 'mail.example.test'],
    ['MX', 'example.test', '20 Backup.Example.Test'],
    ['NS', 'example.test', 'dns-host.test'],
    ['TXT', 'example.test', 'v=spf1'],
    ['TXT', 'example.test', 'verification=AbC123'],
  ])('passes %s %s when an answer matches %j', async (recordType, hostname, expected) => {
    expect(await check(hostname, recordType, { expected })).toMatchObject({ ok: true, errorKind: null });
  });

  it.each<[DnsRecordType, string, string]>([
    ['A', 'example.test', '192.0.2.1'], // a prefix of both answers: addresses compare whole
    ['AAAA', 'example.test', '2001:db8::1'],
    ['CNAME', 'www.example.test', 'other.test'],
    ['MX', 'example.test', 'mail.other.test'],
    ['NS', 'example.test', 'cloudflare.com'],
    ['TXT', 'example.test', 'V=SPF1'], // TXT values are case-sensitive
  ])('fails %s %s with kind mismatch when nothing matches %j', async (recordType, hostname, expected) => {
    const outcome = await check(hostname, recordType, { expected });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'mismatch' });
    expect(outcome.answers.length).toBeGreaterThan(0);
  });

  it('lists what was received in the mismatch message', async () => {
    expect(await check('example.test', 'A', { expected: '192.0.2.1' })).toMatchObject({
      errorMessage: 'expected a A answer for example.test equal to "192.0.2.1", got 2 answers: 192.0.2.10, 192.0.2.11',
      answers: ['192.0.2.10', '192.0.2.11'],
    });
  });

  it('bounds the answers kept and the mismatch message', async () => {
    // About 42 kB: too big for UDP, so this also proves the truncated answer is fetched again over TCP.
    const chunks = (i: number) => [`record-${i}-`, ...'wxyz'.split('').map((letter) => letter.repeat(255))];
    server.setEntry('many.example.test', { TXT: Array.from({ length: 40 }, (_, i) => chunks(i)) });
    const outcome = await check('many.example.test', 'TXT', { expected: 'absent' });
    expect(outcome.errorKind).toBe('mismatch');
    expect(outcome.errorMessage).toMatch(/^expected a TXT answer for many\.example\.test containing "absent", got 40 answers: record-/);
    expect(outcome.errorMessage?.length).toBeLessThan(450);
    expect(outcome.answers).toHaveLength(32);
    expect(Math.max(...outcome.answers.map((answer) => answer.length))).toBe(1024);
  });

  it.each<[string, DnsRecordType, string]>([
    ['gone.example.test', 'A', 'NXDOMAIN: gone.example.test does not exist (asked for A)'],
    ['never-heard-of.test', 'MX', 'NXDOMAIN: never-heard-of.test does not exist (asked for MX)'],
    ['broken.example.test', 'A', 'SERVFAIL: the resolver could not answer A broken.example.test'],
    ['refusing.example.test', 'NS', 'REFUSED: the resolver refused to answer NS refusing.example.test'],
    ['empty.example.test', 'TXT', 'NODATA: empty.example.test exists but has no TXT record'],
    ['only-a.example.test', 'AAAA', 'NODATA: only-a.example.test exists but has no AAAA record'],
  ])('fails %s %s with kind dns: %s', async (hostname, recordType, errorMessage) => {
    const outcome = await check(hostname, recordType, { expected: 'anything' });
    expect(outcome).toMatchObject({ ok: false, statusCode: null, errorKind: 'dns', errorMessage, answers: [] });
  });

  it('times out on a server that never answers, within about timeoutMs', async () => {
    const queriesBefore = server.queries;
    const started = performance.now();
    const outcome = await check('hangs.example.test', 'A', { timeoutMs: 500 });
    const tookMs = performance.now() - started;
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'timeout',
      errorMessage: 'no answer to A hangs.example.test within 500 ms',
      answers: [],
    });
    expect(server.queries).toBeGreaterThan(queriesBefore); // the query did reach the server
    expect(tookMs).toBeGreaterThanOrEqual(450);
    expect(tookMs).toBeLessThan(1_000);
    expect(outcome.latencyMs).toBeLessThan(1_000);
  });

  it('sees a record change between two checks', async () => {
    server.setEntry('moving.example.test', { A: ['192.0.2.30'] });
    expect(await check('moving.example.test', 'A', { expected: '192.0.2.30' })).toMatchObject({ ok: true, answers: ['192.0.2.30'] });
    server.setEntry('moving.example.test', { A: ['198.51.100.7'] });
    expect(await check('moving.example.test', 'A', { expected: '192.0.2.30' })).toMatchObject({
      ok: false,
      errorKind: 'mismatch',
      answers: ['198.51.100.7'],
    });
    server.setEntry('moving.example.test', undefined);
    expect(await check('moving.example.test', 'A')).toMatchObject({ ok: false, errorKind: 'dns' });
  });

  it('reports nothing listening at the resolver address as a dns failure', async () => {
    const closed = await startDnsTestServer({});
    await closed.close();
    expect(await check('example.test', 'A', { resolver: closed.resolver })).toMatchObject({
      ok: false,
      errorKind: 'dns',
      errorMessage: `nothing listens at resolver ${closed.resolver} (asked for A example.test)`,
    });
  });

  it('turns an unusable resolver setting into a failure without sending a query', async () => {
    const queriesBefore = server.queries;
    const outcome = await check('example.test', 'A', { resolver: 'dns.google' });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'dns', answers: [], timings: { dnsMs: null } });
    expect(outcome.errorMessage).toMatch(/^resolver must be an IP address/);
    expect(server.queries).toBe(queriesBefore);
  });

  it('sends nothing to a resolver at an address the BLOCK_PRIVATE_TARGETS guard refuses', async () => {
    const queriesBefore = server.queries;
    const outcome = await runDnsCheck(
      { hostname: 'example.test', recordType: 'A', resolver: server.resolver, expected: null, timeoutMs: 2_000 },
      { targetGuard: PRIVATE_TARGET_GUARD },
    );
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'dns',
      errorMessage: `not asking resolver ${server.resolver}: 127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on`,
      answers: [],
      timings: { dnsMs: null },
    });
    expect(server.queries).toBe(queriesBefore);
  });
});
