import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressLookup } from '../../checks/net/resolve-addresses';
import { addressClass, createTargetGuard } from '../../checks/net/target-guard';
import { createTestPki, type TestKeyPair, type TestPki } from '../../testing/test-certificates';
import { runTlsCheck, type TlsCheckOptions } from './tls-check';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HOST = 'example.test';

/** Every server a test starts, with its open sockets: close() alone would wait for a silent server's clients. */
const servers: Server[] = [];
const openSockets = new Set<Socket>();
const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));
async function listen(server: Server, address: string, port = 0): Promise<number> {
  server.on('connection', (socket: Socket) => {
    openSockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve());
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

const serveTls = (pair: TestKeyPair, address = '127.0.0.1', port = 0) =>
  listen(createTlsServer({ key: pair.key, cert: pair.cert }), address, port);

/** Two servers on one port, on 127.0.0.1 and 127.0.0.2 (Linux routes all of 127/8 to lo). Retries a taken port. */
async function serveOnTwoAddresses(first: TestKeyPair, second: TestKeyPair): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = await serveTls(first, '127.0.0.1');
    try {
      await serveTls(second, '127.0.0.2', port);
      return port;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

const pointAt =
  (...addresses: string[]): AddressLookup =>
  async () =>
    addresses.map((address) => ({ address, family: 4 as const }));

describe('runTlsCheck against local servers with certificates made at test time', () => {
  let pki: TestPki;
  let now: Date;
  let check: (port: number, overrides?: Partial<TlsCheckOptions>) => ReturnType<typeof runTlsCheck>;
  const leaf = (days: { from: number; to: number }, overrides: { altNames?: string[]; signedBy?: 'intermediate' | 'root' | 'self' } = {}) =>
    pki.leaf({
      commonName: HOST,
      altNames: overrides.altNames ?? [`DNS:${HOST}`],
      notBefore: new Date(now.getTime() + days.from * DAY),
      // An hour's margin keeps the whole-day count stable while the test runs.
      notAfter: new Date(now.getTime() + days.to * DAY + HOUR),
      signedBy: overrides.signedBy,
    });
  /** What a correctly configured server sends: the leaf followed by its intermediate. */
  const withChain = (pair: TestKeyPair): TestKeyPair => ({ key: pair.key, cert: `${pair.cert}${pki.intermediate.cert}` });

  beforeAll(() => {
    pki = createTestPki();
    now = new Date();
    check = (port, overrides = {}) =>
      runTlsCheck({
        host: HOST,
        port,
        timeoutMs: 2_000,
        ca: pki.root.cert,
        thresholdDays: 14,
        lookup: pointAt('127.0.0.1'),
        now: () => now,
        ...overrides,
      });
  });
  afterAll(async () => {
    openSockets.forEach((socket) => socket.destroy());
    await Promise.all(servers.map(closeServer));
    pki?.dispose();
  });

  it('reads every field of a valid certificate and verifies its chain and name separately', async () => {
    const pair = leaf({ from: -1, to: 90 });
    const port = await serveTls(withChain(pair));
    const outcome = await check(port);
    const x509 = new X509Certificate(pair.cert);
    expect(outcome).toMatchObject({ host: HOST, port, state: 'ok', daysRemaining: 90, errorKind: null });
    expect(outcome.addresses).toHaveLength(1);
    const [report] = outcome.addresses;
    expect(report).toMatchObject({
      address: '127.0.0.1',
      family: 4,
      state: 'ok',
      daysRemaining: 90,
      chainValid: true,
      chainError: null,
      hostnameMatches: true,
      errorKind: null,
      certificate: {
        subject: `CN=${HOST}`,
        subjectAltNames: [`DNS:${HOST}`],
        issuer: 'CN=mini-netumo Test Intermediate',
        serialNumber: x509.serialNumber.toUpperCase(),
        fingerprintSha256: x509.fingerprint256,
        validFrom: new Date(x509.validFrom),
        validTo: new Date(x509.validTo),
      },
    });
    expect(report?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(report?.chain.map((entry) => entry.subject)).toEqual(['CN=mini-netumo Test Intermediate', 'CN=mini-netumo Test Root']);
  });

  it.each([
    [
      'expiring in 10 days',
      { from: -80, to: 10 },
      {},
      true,
      { state: 'expiring', daysRemaining: 10, chainValid: true, chainError: null, hostnameMatches: true },
    ],
    [
      'expired',
      { from: -100, to: -3 },
      {},
      true,
      { state: 'expired', daysRemaining: -3, chainValid: false, chainError: 'CERT_HAS_EXPIRED', hostnameMatches: true },
    ],
    [
      'not yet valid',
      { from: 2, to: 92 },
      {},
      true,
      { state: 'not_yet_valid', daysRemaining: 92, chainValid: false, chainError: 'CERT_NOT_YET_VALID' },
    ],
    [
      'self-signed',
      { from: -1, to: 90 },
      { signedBy: 'self' as const },
      false,
      { state: 'chain_invalid', chainValid: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT', hostnameMatches: true },
    ],
    [
      'for another name',
      { from: -1, to: 90 },
      { altNames: ['DNS:other.test'] },
      true,
      { state: 'hostname_mismatch', chainValid: true, hostnameMatches: false },
    ],
    [
      'missing its intermediate',
      { from: -1, to: 90 },
      {},
      false,
      { state: 'chain_invalid', chainValid: false, chainError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', hostnameMatches: true },
    ],
  ])('classifies a certificate %s', async (_label, days, overrides, sendIntermediate, expected) => {
    const pair = leaf(days, overrides);
    const port = await serveTls(sendIntermediate ? withChain(pair) : pair);
    const outcome = await check(port);
    expect(outcome.state).toBe(expected.state);
    expect(outcome.addresses[0]).toMatchObject({ ...expected, errorKind: null });
  });

  it('judges the chain against the system trust store when no CA is given', async () => {
    const port = await serveTls(withChain(leaf({ from: -1, to: 90 })));
    const outcome = await check(port, { ca: undefined });
    expect(outcome.addresses[0]).toMatchObject({
      state: 'chain_invalid',
      chainValid: false,
      chainError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      hostnameMatches: true,
    });
  });

  it('sends the name as SNI and reports the certificate a name-based server picks for it', async () => {
    const seen: string[] = [];
    const right = withChain(leaf({ from: -1, to: 90 }));
    const fallback = leaf({ from: -1, to: 90 }, { altNames: ['DNS:default.test'] });
    const server = createTlsServer({
      key: fallback.key,
      cert: fallback.cert,
      SNICallback: (name, done) => {
        seen.push(name);
        done(null, name === HOST ? createSecureContext(right) : undefined);
      },
    });
    const port = await listen(server, '127.0.0.1');
    const outcome = await check(port);
    expect(seen).toEqual([HOST]);
    expect(outcome.addresses[0]).toMatchObject({ state: 'ok', hostnameMatches: true });
  });

  it('connects to an address and judges the certificate by a separate server name (a TCP monitor with tlsServerName)', async () => {
    const port = await serveTls(withChain(leaf({ from: -1, to: 90 })));
    const byAddress = await check(port, { host: '127.0.0.1', lookup: undefined });
    expect(byAddress.addresses[0]).toMatchObject({ state: 'hostname_mismatch', hostnameMatches: false });
    const byName = await check(port, { host: '127.0.0.1', serverName: HOST, lookup: undefined });
    expect(byName.addresses[0]).toMatchObject({ state: 'ok', hostnameMatches: true });
  });

  it('checks every address behind the name and reports the odd one out with its address', async () => {
    const good = withChain(leaf({ from: -1, to: 90 }));
    const stale = withChain(leaf({ from: -80, to: 10 }));
    const port = await serveOnTwoAddresses(good, stale);
    const outcome = await check(port, { lookup: pointAt('127.0.0.1', '127.0.0.2') });
    expect(outcome).toMatchObject({ state: 'expiring', daysRemaining: 10 });
    expect(outcome.addresses.map((report) => [report.address, report.state, report.daysRemaining])).toEqual([
      ['127.0.0.1', 'ok', 90],
      ['127.0.0.2', 'expiring', 10],
    ]);
    expect(outcome.addresses[0]?.certificate?.fingerprintSha256).not.toBe(outcome.addresses[1]?.certificate?.fingerprintSha256);
  });

  it('makes no handshake with a name one of whose addresses the target guard refuses', async () => {
    const port = await serveOnTwoAddresses(withChain(leaf({ from: -1, to: 90 })), withChain(leaf({ from: -1, to: 90 })));
    let handshakes = 0;
    for (const server of servers) server.on('secureConnection', () => handshakes++);
    // Only 127.0.0.2 is refused, so the test shows the refusal of one address stops the whole name.
    const targetGuard = createTargetGuard([addressClass('a test-blocked address', ['127.0.0.2/32'])]);
    const outcome = await check(port, { lookup: pointAt('127.0.0.1', '127.0.0.2'), targetGuard });
    expect(outcome).toMatchObject({
      state: 'error',
      errorKind: 'refused',
      errorMessage: `${HOST} resolves to 127.0.0.2, a test-blocked address, and BLOCK_PRIVATE_TARGETS is on`,
      addresses: [],
    });
    expect(handshakes).toBe(0);
  });

  describe('targets that do not answer TLS properly: a classified failure in bounded time', () => {
    const timed = async (port: number, timeoutMs = 700) => {
      const started = Date.now();
      const outcome = await check(port, { timeoutMs });
      return { outcome, elapsed: Date.now() - started };
    };

    it('a port that accepts and never answers is a timeout', async () => {
      const port = await listen(
        createTcpServer(() => undefined),
        '127.0.0.1',
      );
      const { outcome, elapsed } = await timed(port);
      expect(outcome.addresses[0]).toMatchObject({
        state: 'error',
        errorKind: 'timeout',
        certificate: null,
        chainValid: null,
        hostnameMatches: null,
      });
      expect(elapsed).toBeLessThan(1_500);
    });

    it('plain HTTP on the TLS port is named as such', async () => {
      const port = await listen(
        createHttpServer((_req, res) => res.end('hello')),
        '127.0.0.1',
      );
      const { outcome, elapsed } = await timed(port);
      expect(outcome.addresses[0]).toMatchObject({
        state: 'error',
        errorKind: 'plain_http',
        errorMessage: `port ${port} answers plain HTTP, not TLS`,
      });
      expect(elapsed).toBeLessThan(1_500);
    });

    it('garbage is "not TLS"', async () => {
      const port = await listen(
        createTcpServer((socket) => socket.end(Buffer.from('\u0000\u0001 not a tls record at all\r\n'.repeat(8)))),
        '127.0.0.1',
      );
      const { outcome } = await timed(port);
      expect(outcome.addresses[0]).toMatchObject({ state: 'error', errorKind: 'not_tls' });
    });

    it('garbage that trickles forever is still bounded', async () => {
      const port = await listen(
        createTcpServer((socket) => {
          const drip = setInterval(() => socket.write('x'), 50);
          socket.on('close', () => clearInterval(drip));
        }),
        '127.0.0.1',
      );
      const { outcome, elapsed } = await timed(port);
      expect(outcome.addresses[0]?.errorKind).toMatch(/^(not_tls|timeout)$/);
      expect(elapsed).toBeLessThan(1_500);
    });

    it('a server that hangs up at once is a reset', async () => {
      const port = await listen(
        createTcpServer((socket) => socket.destroy()),
        '127.0.0.1',
      );
      const { outcome } = await timed(port);
      expect(outcome.addresses[0]).toMatchObject({ errorKind: 'reset' });
    });

    it('a closed port is refused', async () => {
      const port = await listen(createTcpServer(), '127.0.0.1');
      await closeServer(servers.pop() as Server);
      const { outcome } = await timed(port);
      expect(outcome.addresses[0]).toMatchObject({ errorKind: 'refused' });
    });

    it('a name that does not resolve fails as dns with no addresses', async () => {
      const notFound: AddressLookup = async () => {
        throw Object.assign(new Error('queryA ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
      };
      const outcome = await check(1, { lookup: notFound });
      expect(outcome).toMatchObject({ state: 'error', errorKind: 'dns', addresses: [], daysRemaining: null });
    });
  });
});
