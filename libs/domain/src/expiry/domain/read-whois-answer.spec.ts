import { describe, expect, it } from 'vitest';
import { loadWhoisSamples } from '../../testing/whois-samples';
import { readWhoisAnswer } from './read-whois-answer';

const samples = loadWhoisSamples();
const sample = (domain: string) => samples.find((entry) => entry.domain === domain)?.text ?? '';

describe('readWhoisAnswer on every real answer in shared/whois-samples', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(samples.map((entry) => [entry.domain, entry] as const))(
    '%s: the expected instant, or an honest unknown, never another date',
    (domain, entry) => {
      const reading = readWhoisAnswer(domain, entry.text);
      expect(reading.expiresAt?.toISOString() ?? null).toBe(entry.expiry);
      expect(reading).toMatchObject({ notRegistered: false, rateLimited: false, hasRecord: true });
      if (entry.expiry === null) expect(reading.unreadableExpiry).toBeNull();
    },
  );

  it.each([
    ['microsoft.com', 'TUCOWS INC.'],
    ['slashdot.org', 'Tucows Inc. (R11-LROR)'],
    ['amazon.co.uk', 'Amazon.com, Inc. t/a Amazon.com, Inc. [Tag = AMAZON-COM]'],
    ['google.com.ua', 'MarkMonitor Inc.'],
  ])("%s: reads the registrar of the domain's own record", (domain, registrar) => {
    expect(readWhoisAnswer(domain, sample(domain)).registrar).toBe(registrar);
  });
});

describe('readWhoisAnswer on answers that are not a record', () => {
  it.each([
    ['example.com', 'No match for "EXAMPLE-NOPE.COM".\r\n>>> Last update of whois database: 2025-01-01T00:00:00Z <<<\r\n'],
    ['example.de', 'Domain: example-nope.de\nStatus: free\n'],
    ['example.uk', '\n    No match for "example-nope.uk".\n\n    This domain name has not been registered.\n'],
    ['example.eu', '% The WHOIS service ...\nDomain: example-nope.eu\n\nStatus: AVAILABLE\n'],
    ['example.io', 'NOT FOUND\n'],
    ['example.cz', '%ERROR:101: no entries found\n%\n% No entries found.\n'],
    ['example.org', 'Domain not found.\n'],
    ['example.jp', '[ JPRS database provides information on network administration. ]\nNo match!!\n'],
  ])('%s: "no such domain" is not_registered, with no date', (domain, text) => {
    expect(readWhoisAnswer(domain, text)).toMatchObject({ expiresAt: null, notRegistered: true });
  });

  it.each([
    ['example.com', 'WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\n'],
    ['example.de', '% Error: 55000000002 Connection refused; access control limit exceeded\n'],
    ['example.nl', 'maximum number of requests per second exceeded\nToo many requests, try again later\n'],
  ])('%s: a rate limit is neither a date nor "not registered"', (domain, text) => {
    expect(readWhoisAnswer(domain, text)).toMatchObject({ expiresAt: null, notRegistered: false, rateLimited: true });
  });

  it('an empty answer says nothing', () => {
    expect(readWhoisAnswer('example.com', '')).toMatchObject({
      expiresAt: null,
      notRegistered: false,
      rateLimited: false,
      registrar: null,
    });
  });

  it('never reads a NOTICE paragraph about "the expiration date" as the date', () => {
    const text = 'NOTICE: The expiration date displayed in this record is 2001-01-01.\nDomain Name: EXAMPLE.COM\n';
    expect(readWhoisAnswer('example.com', text).expiresAt).toBeNull();
  });

  it('keeps an expiry field it cannot read as unreadable, not as a date', () => {
    const reading = readWhoisAnswer('example.com', 'Domain Name: example.com\nCreation Date: 2001-01-01\nExpiration Date: 02/03/2030\n');
    expect(reading).toMatchObject({ expiresAt: null, unreadableExpiry: '02/03/2030', notRegistered: false });
  });

  it("prefers the registry's expiry over a registrar's copy wherever it stands", () => {
    const text = 'Registrar Registration Expiration Date: 2031-01-01T00:00:00Z\nRegistry Expiry Date: 2030-01-01T00:00:00Z\n';
    expect(readWhoisAnswer('example.com', text).expiresAt?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('takes a value written on the line under its label', () => {
    const text = '    Relevant dates:\n        Registered on: 01-Jan-2000\n        Expiry date:\n            05-Dec-2030\n';
    expect(readWhoisAnswer('example.co.uk', text).expiresAt?.toISOString()).toBe('2030-12-05T00:00:00.000Z');
  });
});
