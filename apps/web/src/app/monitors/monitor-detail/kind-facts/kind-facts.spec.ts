import { describe, expect, it } from 'vitest';
import { aDnsMonitor, aHeartbeat, aMonitor, aTcpMonitor } from '../../data-access/monitor-fixtures';
import type { Fact } from './fact';
import { factsOf, hasCertificate } from './kind-facts';

const lines = (facts: Fact[]) => facts.map((fact) => `${fact.label}: ${fact.text}${fact.warning ? ' (!)' : ''}`);

describe('factsOf', () => {
  it('HTTP: the method and URL as a link, the expected answer, redirects and TLS', () => {
    const facts = factsOf(aMonitor({ method: 'HEAD', bodyAssertion: { type: 'contains', value: 'ok' }, ignoreTlsErrors: true }));
    expect(facts.target).toEqual({ label: 'URL', text: 'https://example.com', href: 'https://example.com', tag: 'HEAD' });
    expect(lines(facts.details)).toEqual([
      'Expects: 200-299, body contains "ok"',
      'Redirects: followed, up to 5',
      'TLS: certificate errors ignored (!)',
    ]);
  });

  it('TCP: host and port (an IPv6 host in brackets), TLS, and the bytes sent and expected as escapes', () => {
    const facts = factsOf(aTcpMonitor({ host: '::1', port: 6379, send: 'PING\r\n', expect: '+PONG' }));
    expect(facts.target).toEqual({ label: 'Host and port', text: '[::1]:6379', code: true });
    expect(lines(facts.details)).toEqual(['TLS: no', 'Sends: PING\\r\\n', 'Expects: +PONG']);
  });

  it.each([
    [{ tls: true }, 'TLS: yes, verified'],
    [{ tls: true, tlsServerName: 'mail.example.com' }, 'TLS: yes as mail.example.com, verified'],
    [{ tls: true, ignoreTlsErrors: true }, 'TLS: yes, certificate errors ignored (!)'],
  ])('TCP with %j says %s', (change, line) => {
    expect(lines(factsOf(aTcpMonitor(change)).details)[0]).toBe(line);
  });

  it('TCP without send or expect: nothing is sent, connecting is enough', () => {
    expect(lines(factsOf(aTcpMonitor()).details).slice(1)).toEqual(['Sends: nothing', 'Expects: a connection']);
  });

  it('DNS: the hostname, record type, resolver and expected answer', () => {
    const facts = factsOf(aDnsMonitor({ recordType: 'MX', resolver: '127.0.0.1:5353', expected: 'mail.example.com' }));
    expect(facts.target).toEqual({ label: 'Hostname', text: 'example.com', code: true });
    expect(lines(facts.details)).toEqual([
      'Record type: MX',
      'Resolver: 127.0.0.1:5353',
      'Expects: an answer containing "mail.example.com"',
    ]);
  });

  it('DNS with the defaults: the system resolver, any answer; A compares whole addresses', () => {
    expect(lines(factsOf(aDnsMonitor()).details)).toEqual(['Record type: A', 'Resolver: system resolver', 'Expects: any answer']);
    expect(lines(factsOf(aDnsMonitor({ expected: '192.0.2.1' })).details)[2]).toBe('Expects: an answer equal to "192.0.2.1"');
  });

  it('heartbeat: the schedule in the contract’s words, and the grace time', () => {
    expect(factsOf(aHeartbeat({ periodSeconds: 300, graceSeconds: 90 }))).toEqual({
      target: { label: 'Schedule', text: 'every 5m' },
      details: [{ label: 'Grace', text: '1m 30s' }],
    });
    expect(factsOf(aHeartbeat({ periodSeconds: null, cron: '0 2 * * *', timezone: 'Europe/Paris' })).target.text).toBe(
      'cron 0 2 * * * (Europe/Paris)',
    );
  });
});

describe('hasCertificate', () => {
  it('is true for https and TCP with TLS, false for plain http, TCP without TLS, DNS and heartbeats', () => {
    expect(hasCertificate(aMonitor({ url: 'https://example.com' }))).toBe(true);
    expect(hasCertificate(aMonitor({ url: 'http://127.0.0.1:8080' }))).toBe(false);
    expect(hasCertificate(aTcpMonitor({ tls: true }))).toBe(true);
    expect(hasCertificate(aTcpMonitor({ tls: false }))).toBe(false);
    expect(hasCertificate(aDnsMonitor())).toBe(false);
    expect(hasCertificate(aHeartbeat())).toBe(false);
  });
});
