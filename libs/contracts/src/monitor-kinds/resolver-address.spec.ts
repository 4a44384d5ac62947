import { describe, expect, it } from 'vitest';
import { formatResolverAddress, parseResolverAddress } from './resolver-address';

describe('parseResolverAddress', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1', 53],
    ['127.0.0.1:5353', '127.0.0.1', 5353],
    [' 9.9.9.9:53 ', '9.9.9.9', 53],
    ['[::1]:53', '::1', 53],
    ['[2620:fe::fe]:5353', '2620:fe::fe', 5353],
    ['[::1]', '::1', 53],
    ['::1', '::1', 53],
    ['2001:db8::53', '2001:db8::53', 53],
  ])('reads %j as %s port %i', (text, host, port) => {
    expect(parseResolverAddress(text)).toEqual({ ok: true, address: { host, port } });
  });

  it.each([
    ['1.2.3.4:99999', 'resolver port must be 1-65535, not "99999"'],
    ['1.2.3.4:0', 'resolver port must be 1-65535, not "0"'],
    ['1.2.3.4:', 'resolver port must be 1-65535, not ""'],
    ['1.2.3.4:53x', 'resolver port must be 1-65535, not "53x"'],
    ['[::1]:70000', 'resolver port must be 1-65535, not "70000"'],
    ['dns.google', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "dns.google"'],
    ['dns.google:53', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "dns.google:53"'],
    ['localhost', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "localhost"'],
    ['256.1.1.1', 'resolver must be an IP address such as 9.9.9.9 or [2620:fe::fe]:53, not "256.1.1.1"'],
    ['[1.2.3.4]:53', 'resolver: "1.2.3.4" in brackets is not an IPv6 address'],
    ['', 'resolver must not be empty (leave it unset for the system resolver)'],
    ['   ', 'resolver must not be empty (leave it unset for the system resolver)'],
  ])('rejects %j, naming the resolver field', (text, error) => {
    expect(parseResolverAddress(text)).toEqual({ ok: false, error });
  });
});

describe('formatResolverAddress', () => {
  it('writes the form setServers takes, IPv6 in brackets', () => {
    expect(formatResolverAddress({ host: '127.0.0.1', port: 5353 })).toBe('127.0.0.1:5353');
    expect(formatResolverAddress({ host: '::1', port: 53 })).toBe('[::1]:53');
  });
});
