import { describe, expect, it } from 'vitest';
import { loadConfig, parseHostPort } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

describe('expiry settings from the environment', () => {
  it("defaults to IANA's RDAP bootstrap and WHOIS servers found per ending", () => {
    expect(loadConfig(base).expiry).toEqual({
      rdapBootstrapUrl: 'https://data.iana.org/rdap/dns.json',
      whoisServer: undefined,
      timeoutMs: 10_000,
    });
  });

  it('takes an empty bootstrap (no RDAP) and a WHOIS server with its port', () => {
    const config = loadConfig({ ...base, RDAP_BOOTSTRAP_URL: '', WHOIS_SERVER: '127.0.0.1:4343', EXPIRY_TIMEOUT_MS: '2500' });
    expect(config.expiry).toEqual({ rdapBootstrapUrl: '', whoisServer: { host: '127.0.0.1', port: 4343 }, timeoutMs: 2_500 });
  });

  it.each([
    [{ WHOIS_SERVER: 'whois.example.net:99999' }, 'WHOIS_SERVER: WHOIS_SERVER must be host:port, such as whois.example.net:43'],
    [{ RDAP_BOOTSTRAP_URL: 'not a url' }, 'RDAP_BOOTSTRAP_URL: RDAP_BOOTSTRAP_URL must be a URL or empty'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it.each([
    ['whois.example.net', { host: 'whois.example.net', port: 43 }],
    ['whois.example.net:4343', { host: 'whois.example.net', port: 4343 }],
    ['[::1]:4343', { host: '::1', port: 4343 }],
    ['::1', null],
    ['host:0', null],
    ['', null],
  ])('parseHostPort(%j)', (value, expected) => {
    expect(parseHostPort(value)).toEqual(expected);
  });
});
