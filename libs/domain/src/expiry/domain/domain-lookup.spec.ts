import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeRdapServer, type FakeRdapAnswer, type FakeRdapServer } from '../../testing/fake-rdap-server';
import { startFakeWhoisServer, type FakeWhoisServer } from '../../testing/fake-whois-server';
import { loadWhoisSamples } from '../../testing/whois-samples';
import { lookupDomain, type DomainLookupDeps } from './domain-lookup';
import { createRdapBootstrapSource } from './rdap-bootstrap';
import { createRegistryPacer } from './registry-pacer';
import { createWhoisClient } from './whois-lookup';

const EXPIRY = new Date('2031-05-06T07:08:09.000Z');

describe('lookupDomain against a fake RDAP registry and a fake WHOIS server on local ports', () => {
  let rdap: FakeRdapServer;
  let whois: FakeWhoisServer;
  const deps = (overrides: { bootstrapUrl?: string; timeoutMs?: number } = {}): DomainLookupDeps => {
    const timeoutMs = overrides.timeoutMs ?? 2_000;
    const pacer = createRegistryPacer(0);
    return {
      rdap: createRdapBootstrapSource({ url: overrides.bootstrapUrl ?? rdap.bootstrapUrl, timeoutMs }),
      whois: createWhoisClient({ server: { host: whois.host, port: whois.port }, timeoutMs, pacer }),
      pacer,
      timeoutMs,
    };
  };

  beforeAll(async () => {
    rdap = await startFakeRdapServer();
    whois = await startFakeWhoisServer();
  });
  afterAll(async () => {
    await rdap?.close();
    await whois?.close();
  });
  beforeEach(() => rdap.serveEndings(['com', 'net']));

  it("reads the expiry from the registry's RDAP server and asks WHOIS nothing", async () => {
    rdap.answerExpiry('rdap-first.com', EXPIRY, 'Registrar of Record');
    const before = whois.hits();
    expect(await lookupDomain(deps(), 'rdap-first.com')).toEqual({
      domain: 'rdap-first.com',
      expiresAt: EXPIRY,
      notRegistered: false,
      source: 'rdap',
      registrar: 'Registrar of Record',
      reason: null,
    });
    expect(rdap.domainHits('rdap-first.com')).toBe(1);
    expect(whois.hits()).toBe(before);
  });

  it('goes to WHOIS for an ending the bootstrap has no RDAP server for', async () => {
    whois.answer('no-rdap.io', 'Domain Name: no-rdap.io\nRegistry Expiry Date: 2031-05-06T07:08:09Z\nRegistrar: WHOIS Registrar\n');
    const lookup = await lookupDomain(deps(), 'no-rdap.io');
    expect(lookup).toMatchObject({ expiresAt: EXPIRY, source: 'whois', registrar: 'WHOIS Registrar', notRegistered: false });
    expect(rdap.domainHits('no-rdap.io')).toBe(0);
  });

  it('goes straight to WHOIS when the bootstrap URL is empty', async () => {
    rdap.answerExpiry('empty-bootstrap.com', new Date('2040-01-01T00:00:00Z'));
    whois.answer('empty-bootstrap.com', 'Domain Name: empty-bootstrap.com\nRegistry Expiry Date: 2031-05-06T07:08:09Z\n');
    const bootstrapHits = rdap.bootstrapHits();
    expect(await lookupDomain(deps({ bootstrapUrl: '' }), 'empty-bootstrap.com')).toMatchObject({ expiresAt: EXPIRY, source: 'whois' });
    expect(rdap.bootstrapHits()).toBe(bootstrapHits);
    expect(rdap.domainHits('empty-bootstrap.com')).toBe(0);
  });

  it('also goes to WHOIS when a configured bootstrap cannot be fetched, and never to public servers', async () => {
    whois.answer('broken-bootstrap.com', 'Domain Name: broken-bootstrap.com\nRegistry Expiry Date: 2031-05-06T07:08:09Z\n');
    const lookup = await lookupDomain(deps({ bootstrapUrl: `${rdap.bootstrapUrl}.missing` }), 'broken-bootstrap.com');
    expect(lookup).toMatchObject({ expiresAt: EXPIRY, source: 'whois' });
  });

  it.each([
    ['a server error', { status: 503, body: { errorCode: 503 } }],
    ['an answer that is not JSON', { status: 200 }],
    [
      'no expiration event',
      { status: 200, body: { objectClassName: 'domain', events: [{ eventAction: 'registration', eventDate: '2001-01-01T00:00:00Z' }] } },
    ],
    [
      'an unreadable expiration date',
      { status: 200, body: { objectClassName: 'domain', events: [{ eventAction: 'expiration', eventDate: 'soon' }] } },
    ],
  ] as [string, FakeRdapAnswer][])('falls back to WHOIS after RDAP gives %s', async (label, answer) => {
    const domain = `rdap-${label.replace(/\W+/g, '-')}.com`;
    rdap.answer(domain, answer);
    whois.answer(domain, `Domain Name: ${domain}\nRegistry Expiry Date: 2031-05-06T07:08:09Z\n`);
    expect(await lookupDomain(deps(), domain)).toMatchObject({ expiresAt: EXPIRY, source: 'whois' });
    expect(rdap.domainHits(domain)).toBe(1);
  });

  it('gives an unknown with every reason when neither RDAP nor WHOIS has a date', async () => {
    rdap.answer('no-date.com', { status: 503 });
    whois.answer('no-date.com', 'Domain: no-date.com\nStatus: connect\nChanged: 2020-01-01T00:00:00+01:00\n');
    const lookup = await lookupDomain(deps(), 'no-date.com');
    expect(lookup).toMatchObject({ expiresAt: null, notRegistered: false, source: 'whois' });
    expect(lookup.reason).toMatch(/HTTP 503; WHOIS 127\.0\.0\.1:\d+ gives no expiry date$/);
  });

  it('calls a domain not registered when RDAP says 404 and WHOIS has no match', async () => {
    expect(await lookupDomain(deps(), 'never-registered.com')).toMatchObject({ expiresAt: null, notRegistered: true, source: 'whois' });
  });

  it('does not believe an RDAP 404 that WHOIS contradicts with a record', async () => {
    whois.answer('rdap-lost-it.com', 'Domain: rdap-lost-it.com\nCreated: 2001-01-01\n');
    expect(await lookupDomain(deps(), 'rdap-lost-it.com')).toMatchObject({ notRegistered: false, expiresAt: null });
  });

  it("believes a fetched bootstrap's RDAP 404 when WHOIS cannot answer", async () => {
    whois.answer('gone.com', 'close');
    expect(await lookupDomain(deps(), 'gone.com')).toMatchObject({ notRegistered: true, source: 'rdap' });
  });

  describe('a misbehaving WHOIS server: unknown or not registered, never a crash, never a date', () => {
    it('one that hangs gives unknown within the timeout', async () => {
      whois.answer('hangs.io', 'hang');
      const started = Date.now();
      const lookup = await lookupDomain(deps({ timeoutMs: 500 }), 'hangs.io');
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(lookup).toMatchObject({ expiresAt: null, notRegistered: false });
      expect(lookup.reason).toContain('no complete answer within 500 ms');
    });

    it('one that closes without a word gives unknown', async () => {
      whois.answer('silent.io', 'close');
      expect((await lookupDomain(deps(), 'silent.io')).reason).toMatch(/closed without an answer/);
    });

    it('one that rate-limits gives unknown and says so', async () => {
      whois.answer('limited.io', 'WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n');
      const lookup = await lookupDomain(deps(), 'limited.io');
      expect(lookup).toMatchObject({ expiresAt: null, notRegistered: false });
      expect(lookup.reason).toMatch(/is rate-limiting us$/);
    });

    it('"no match" is not registered', async () => {
      expect(await lookupDomain(deps(), 'free-name.io')).toMatchObject({ expiresAt: null, notRegistered: true, source: 'whois' });
    });

    it('one that refuses the connection gives unknown', async () => {
      const refused: DomainLookupDeps = {
        ...deps(),
        whois: createWhoisClient({ server: { host: '127.0.0.1', port: 1 }, timeoutMs: 500, pacer: createRegistryPacer(0) }),
      };
      const lookup = await lookupDomain(refused, 'refused.io');
      expect(lookup).toMatchObject({ expiresAt: null, notRegistered: false, source: null });
      expect(lookup.reason).toContain('ECONNREFUSED');
    });
  });

  it('fetches the bootstrap once for many lookups', async () => {
    const shared = deps();
    const before = rdap.bootstrapHits();
    await Promise.all(['one.com', 'two.com', 'three.com'].map((domain) => lookupDomain(shared, domain)));
    await lookupDomain(shared, 'four.com');
    expect(rdap.bootstrapHits() - before).toBe(1);
  });

  it.each(loadWhoisSamples().map((sample) => [sample.domain, sample] as const))(
    '%s served by the fake WHOIS server: the expected expiry or an honest unknown',
    async (domain, sample) => {
      rdap.serveEndings([]);
      whois.answer(domain, sample.text);
      const lookup = await lookupDomain(deps(), domain);
      expect(lookup.expiresAt?.toISOString() ?? null).toBe(sample.expiry);
      expect(lookup.notRegistered).toBe(false);
      expect(lookup.source).toBe('whois');
      if (sample.expiry === null) expect(lookup.reason).toMatch(/gives no expiry date$/);
    },
  );
});

describe('createRdapBootstrapSource', () => {
  it("stands the shipped copy in for IANA's when it cannot be fetched, and retries within the hour", async () => {
    let clock = 0;
    const source = createRdapBootstrapSource({
      url: 'http://127.0.0.1:1/dns.json',
      timeoutMs: 500,
      fallbackOnFailure: true,
      now: () => clock,
    });
    const bootstrap = await source.current();
    expect(bootstrap.source).toBe('fallback');
    expect(bootstrap.findBaseUrl('example.com')).toBe('https://rdap.verisign.com/com/v1/');
    expect(bootstrap.findBaseUrl('a.example.co.uk')).toBe('https://rdap.nominet.uk/uk/');
    expect(bootstrap.findBaseUrl('example.de')).toBeNull();
    expect(await source.current()).toBe(bootstrap);
    clock += 3_600_001;
    expect(await source.current()).not.toBe(bootstrap);
  });

  it('means "no RDAP" for an empty URL and for a private bootstrap that fails', async () => {
    expect((await createRdapBootstrapSource({ url: '', timeoutMs: 500 }).current()).source).toBe('none');
    expect((await createRdapBootstrapSource({ url: 'http://127.0.0.1:1/dns.json', timeoutMs: 500 }).current()).source).toBe('none');
  });
});
