import { X509Certificate } from 'node:crypto';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSelfSignedCert } from '../../testing/self-signed-cert';
import { createTestPki, type TestKeyPair, type TestPki } from '../../testing/test-certificates';
import { startTlsTestServer, type TlsTestServer } from '../../testing/tls-test-server';
import { waitFor } from '../../testing/wait-for';
import type { AddressLookup } from '../net/resolve-addresses';
import { PRIVATE_TARGET_GUARD } from '../net/target-guard';
import { runTcpCheck, type TcpCheckConfig, type TcpCheckDeps } from './tcp-check';

/** Every server a test starts, with its open sockets: close() alone would wait for a silent server's clients. */
const servers: Server[] = [];
const openSockets = new Set<Socket>();
const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));
async function listen(server: Server, address = '127.0.0.1'): Promise<number> {
  server.on('connection', (socket: Socket) => {
    openSockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}
afterEach(async () => {
  openSockets.forEach((socket) => socket.destroy());
  await Promise.all(servers.splice(0).map(closeServer));
});

/** A plain TCP server that runs `onRequest` with everything received so far, each time more arrives. */
function serveTcp(onRequest: (socket: Socket, received: string) => void = () => undefined): Promise<number> {
  return listen(
    createTcpServer((socket) => {
      let received = '';
      socket.on('data', (chunk) => onRequest(socket, (received += chunk.toString('utf8'))));
    }),
  );
}

/** Answers `+PONG` to a `PING` line, as Redis does. */
const pong = (socket: Socket, received: string) => {
  if (received.endsWith('\r\n')) socket.write(received === 'PING\r\n' ? '+PONG\r\n' : '-ERR unknown command\r\n');
};

const check = (port: number, overrides: Partial<TcpCheckConfig> = {}, deps?: TcpCheckDeps) =>
  runTcpCheck(
    { host: '127.0.0.1', port, timeoutMs: 2_000, tls: false, ignoreTlsErrors: false, send: null, expect: null, ...overrides },
    deps,
  );

describe('runTcpCheck over plain TCP against servers on 127.0.0.1', () => {
  it('succeeds once connected, with connect and total times, no DNS phase for an IP, and closes its socket', async () => {
    let serverSocket: Socket | undefined;
    const port = await listen(createTcpServer((socket) => (serverSocket = socket)));
    const outcome = await check(port);
    expect(outcome).toEqual({
      ok: true,
      statusCode: null,
      latencyMs: outcome.timings.totalMs,
      timings: { dnsMs: null, connectMs: expect.any(Number), tlsMs: null, firstByteMs: null, totalMs: expect.any(Number) },
      errorKind: null,
      errorMessage: null,
      certificate: null,
    });
    expect(outcome.timings.connectMs).toBeLessThanOrEqual(outcome.timings.totalMs);
    await waitFor('the server to see the probe hang up', () => serverSocket?.destroyed || (serverSocket?.readableEnded ?? false));
  });

  it('resolves a name through the system resolver and times it (localhost comes from the hosts file, not DNS)', async () => {
    const port = await listen(createTcpServer(), 'localhost');
    const outcome = await check(port, { host: 'localhost' });
    expect(outcome).toMatchObject({ ok: true, errorKind: null });
    expect(outcome.timings.dnsMs).toEqual(expect.any(Number));
  });

  it('a closed port is refused, and the message names host:port', async () => {
    const port = await listen(createTcpServer());
    await closeServer(servers.pop() as Server);
    expect(await check(port)).toMatchObject({ ok: false, errorKind: 'refused', errorMessage: `connection refused by 127.0.0.1:${port}` });
  });

  it('bounds the whole check with one timer, cleared when the check ends early', async () => {
    const port = await serveTcp(pong);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    try {
      expect(await check(port, { timeoutMs: 60_000, send: 'PING\r\n', expect: '+PONG' })).toMatchObject({ ok: true });
      expect(timers).toHaveBeenCalledTimes(1);
      expect(timers.mock.calls[0]?.[1]).toBe(60_000);
      expect(cleared).toHaveBeenCalledWith(timers.mock.results[0]?.value);
    } finally {
      timers.mockRestore();
      cleared.mockRestore();
    }
  });

  it('a server that accepts but never answers times out at the deadline', async () => {
    const port = await serveTcp();
    const outcome = await check(port, { timeoutMs: 300, send: 'PING\r\n', expect: '+PONG' });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'timeout',
      errorMessage: `"+PONG" not received from 127.0.0.1:${port} within 300 ms`,
    });
    expect(outcome.timings.totalMs).toBeGreaterThanOrEqual(290);
    expect(outcome.timings.totalMs).toBeLessThan(1_500);
  });

  it.each([
    ['right after accepting', (socket: Socket) => socket.resetAndDestroy()],
    ['after reading the request', (socket: Socket) => socket.once('data', () => socket.resetAndDestroy())],
  ])('a server that resets the connection %s is a reset', async (_when, misbehave) => {
    const port = await listen(createTcpServer(misbehave));
    const outcome = await check(port, { send: 'PING\r\n', expect: '+PONG' });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'reset' });
    expect(outcome.errorMessage).toContain(`connection reset by 127.0.0.1:${port}`);
  });

  it('sends the request exactly as given and succeeds when the answer contains expect', async () => {
    const requests: string[] = [];
    const port = await serveTcp((socket, received) => {
      requests.push(received);
      pong(socket, received);
    });
    const outcome = await check(port, { send: 'PING\r\n', expect: '+PONG' });
    expect(outcome).toMatchObject({ ok: true, errorKind: null, errorMessage: null });
    expect(requests.at(-1)).toBe('PING\r\n');
    expect(outcome.timings.firstByteMs).toEqual(expect.any(Number));
    expect(outcome.timings.firstByteMs).toBeLessThanOrEqual(outcome.timings.totalMs);
  });

  it('finds expect across chunks, even when a chunk ends inside a UTF-8 character', async () => {
    const answer = Buffer.from('220 grüß dich\r\n', 'utf8');
    const split = answer.indexOf(Buffer.from('ü')) + 1;
    const port = await listen(
      createTcpServer((socket) => {
        socket.setNoDelay(true);
        socket.write(answer.subarray(0, split));
        setTimeout(() => socket.write(answer.subarray(split)), 50);
      }),
    );
    expect(await check(port, { expect: 'grüß dich' })).toMatchObject({ ok: true, errorKind: null });
  });

  it('a peer that closes without sending expect is a keyword failure', async () => {
    const port = await serveTcp((socket, received) => {
      pong(socket, received);
      socket.end();
    });
    const outcome = await check(port, { send: 'PONG?\r\n', expect: '+PONG' });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'keyword',
      errorMessage: `127.0.0.1:${port} closed the connection without sending "+PONG"`,
    });
    expect(outcome.timings.firstByteMs).toEqual(expect.any(Number));
  });

  it('stops reading at maxReadBytes instead of waiting for the deadline', async () => {
    const port = await listen(createTcpServer((socket) => socket.write('x'.repeat(100))));
    const outcome = await check(port, { timeoutMs: 10_000, expect: '+PONG', maxReadBytes: 50 });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'keyword',
      errorMessage: `"+PONG" not found in the first 50 bytes from 127.0.0.1:${port}`,
    });
    expect(outcome.timings.totalMs).toBeLessThan(2_000);
  });

  it('with send and no expect, succeeds once the write is flushed and reads nothing', async () => {
    const requests: string[] = [];
    const port = await serveTcp((_socket, received) => requests.push(received));
    const outcome = await check(port, { send: 'QUIT\r\n' });
    expect(outcome).toMatchObject({ ok: true, errorKind: null, timings: { firstByteMs: null } });
    await waitFor('the server to receive the request', () => requests.at(-1) === 'QUIT\r\n');
  });
});

describe('runTcpCheck over TLS, with certificates made at test time', () => {
  const NAME = 'example.test';
  let pki: TestPki;
  let selfSigned: TestKeyPair;
  const tlsServers: TlsTestServer[] = [];
  const fingerprint = (pair: TestKeyPair) => new X509Certificate(pair.cert).fingerprint256;
  /** A server that handshakes and then hangs up (startTlsTestServer's behaviour): enough for a connect-only check. */
  const serveHandshake = async (pair: TestKeyPair) => {
    const server = await startTlsTestServer({ '127.0.0.1': pair });
    tlsServers.push(server);
    return server.port;
  };
  const leaf = (days: { from: number; to: number }) =>
    pki.leaf({
      commonName: NAME,
      altNames: [`DNS:${NAME}`],
      notBefore: new Date(Date.now() + days.from * 86_400_000),
      notAfter: new Date(Date.now() + days.to * 86_400_000),
    });
  const withChain = (pair: TestKeyPair): TestKeyPair => ({ key: pair.key, cert: `${pair.cert}${pki.intermediate.cert}` });
  const trustTestRoot = (): TcpCheckDeps => ({ ca: pki.root.cert });

  beforeAll(() => {
    pki = createTestPki();
    selfSigned = makeSelfSignedCert();
  });
  afterEach(async () => {
    await Promise.all(tlsServers.splice(0).map((server) => server.close()));
  });
  afterAll(() => pki?.dispose());

  it('verifies a CA-signed certificate for the server name, sends SNI, talks over TLS and returns the leaf', async () => {
    const pair = leaf({ from: -1, to: 90 });
    let sni: string | false | undefined;
    const server = createTlsServer(withChain(pair), (socket: TLSSocket & { servername?: string | false }) => {
      sni = socket.servername;
      let received = '';
      socket.on('data', (chunk) => pong(socket, (received += chunk.toString('utf8'))));
    });
    const port = await listen(server);
    const outcome = await check(port, { tls: true, tlsServerName: NAME, send: 'PING\r\n', expect: '+PONG' }, trustTestRoot());
    expect(outcome).toMatchObject({ ok: true, errorKind: null, errorMessage: null });
    expect(sni).toBe(NAME);
    expect(outcome.timings.tlsMs).toEqual(expect.any(Number));
    expect(outcome.timings.firstByteMs).toBeGreaterThanOrEqual(outcome.timings.tlsMs ?? Infinity);
    expect(outcome.certificate).toEqual({
      subject: `CN=${NAME}`,
      subjectAltNames: [`DNS:${NAME}`],
      issuer: 'CN=mini-netumo Test Intermediate',
      serialNumber: expect.any(String),
      fingerprintSha256: fingerprint(pair),
      validFrom: new Date(new X509Certificate(pair.cert).validFrom),
      validTo: new Date(new X509Certificate(pair.cert).validTo),
    });
  });

  it('a trusted certificate for another name is a tls failure, and its facts are still returned', async () => {
    const pair = leaf({ from: -1, to: 90 });
    const port = await serveHandshake(withChain(pair));
    const outcome = await check(port, { tls: true }, trustTestRoot());
    expect(outcome).toMatchObject({ ok: false, errorKind: 'tls', certificate: { fingerprintSha256: fingerprint(pair) } });
    expect(outcome.errorMessage).toMatch(new RegExp(`^certificate of 127\\.0\\.0\\.1:${port} rejected: Hostname/IP does not match`));
  });

  it('an expired certificate is a tls failure that still says when it expired', async () => {
    const pair = leaf({ from: -30, to: -2 });
    const port = await serveHandshake(withChain(pair));
    const outcome = await check(port, { tls: true, tlsServerName: NAME }, trustTestRoot());
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'tls',
      errorMessage: `certificate of 127.0.0.1:${port} rejected: CERT_HAS_EXPIRED`,
    });
    expect(outcome.certificate?.validTo.getTime()).toBeLessThan(Date.now());
  });

  it('an untrusted (self-signed) certificate is a tls failure, and nothing is sent to that peer', async () => {
    const requests: string[] = [];
    const server = createTlsServer(selfSigned, (socket: TLSSocket) => socket.on('data', (chunk) => requests.push(chunk.toString())));
    const port = await listen(server);
    const outcome = await check(port, { tls: true, send: 'PING\r\n', expect: '+PONG' });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'tls',
      errorMessage: `certificate of 127.0.0.1:${port} rejected: DEPTH_ZERO_SELF_SIGNED_CERT`,
    });
    expect(requests).toEqual([]);
  });

  it('the same self-signed certificate with ignoreTlsErrors is ok, with its facts returned', async () => {
    const port = await serveHandshake(selfSigned);
    const outcome = await check(port, { tls: true, ignoreTlsErrors: true });
    expect(outcome).toMatchObject({
      ok: true,
      errorKind: null,
      certificate: { subject: 'CN=localhost', issuer: 'CN=localhost', fingerprintSha256: fingerprint(selfSigned) },
    });
    expect(outcome.timings.tlsMs).toEqual(expect.any(Number));
  });

  it('a port that does not speak TLS fails the handshake as tls', async () => {
    const port = await listen(createTcpServer((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n')));
    const outcome = await check(port, { tls: true, ignoreTlsErrors: true });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'tls', certificate: null });
    expect(outcome.errorMessage).toMatch(new RegExp(`^TLS handshake with 127\\.0\\.0\\.1:${port} failed: the answer is not TLS`));
  });
});

/**
 * This machine's resolver (nsswitch `files dns`) sends a `.invalid` name to its DNS server: glibc has no
 * RFC 6761 special case, so a real lookup would leave the host. The failing resolver is injected instead.
 */
describe('runTcpCheck name resolution, with an injected lookup', () => {
  const failWith =
    (code: string): AddressLookup =>
    async (host) => {
      throw Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, syscall: 'getaddrinfo', hostname: host });
    };

  it('a name that does not resolve is a dns failure, timed, with no connect phase', async () => {
    const outcome = await check(1, { host: 'nowhere.invalid' }, { lookup: failWith('ENOTFOUND') });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'dns', errorMessage: 'could not resolve nowhere.invalid (ENOTFOUND)' });
    expect(outcome.timings).toMatchObject({ connectMs: null, tlsMs: null, firstByteMs: null });
  });

  it('a name with no address is a dns failure', async () => {
    const outcome = await check(1, { host: 'empty.invalid' }, { lookup: async () => [] });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'dns', errorMessage: 'empty.invalid has no address' });
  });

  it('a resolver that never answers is cut off by the same deadline', async () => {
    const outcome = await check(1, { host: 'silent.invalid', timeoutMs: 200 }, { lookup: () => new Promise(() => undefined) });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'timeout', errorMessage: 'could not resolve silent.invalid within 200 ms' });
    expect(outcome.timings.dnsMs).toBeNull();
  });

  it('connects to the address the lookup gave, and names it in messages', async () => {
    const port = await serveTcp((socket) => socket.end());
    const toLoopback: AddressLookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const outcome = await check(port, { host: 'db.example.test', send: 'PING\r\n', expect: '+PONG' }, { lookup: toLoopback });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'keyword',
      errorMessage: `db.example.test:${port} (127.0.0.1) closed the connection without sending "+PONG"`,
    });
    expect(outcome.timings.dnsMs).toEqual(expect.any(Number));
  });
});

/** The server is on loopback, which the guard refuses: a refused probe must never reach it. */
describe('runTcpCheck with the BLOCK_PRIVATE_TARGETS guard', () => {
  const countingServer = async () => {
    let connections = 0;
    const port = await listen(createTcpServer(() => connections++));
    return { port, connections: () => connections };
  };
  const guarded = { targetGuard: PRIVATE_TARGET_GUARD };

  it("refuses an IP literal before connecting, in the guard's words", async () => {
    const server = await countingServer();
    const outcome = await check(server.port, {}, guarded);
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'refused',
      errorMessage: '127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    });
    expect(outcome.timings).toMatchObject({ dnsMs: null, connectMs: null });
    expect(server.connections()).toBe(0);
  });

  it('refuses a name once it resolves to a refused address, as a name may change after the monitor was saved', async () => {
    const server = await countingServer();
    const toLoopback: AddressLookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const outcome = await check(server.port, { host: 'db.example.test' }, { ...guarded, lookup: toLoopback });
    expect(outcome).toMatchObject({
      ok: false,
      errorKind: 'refused',
      errorMessage: 'db.example.test resolves to 127.0.0.1, a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    });
    expect(outcome.timings.dnsMs).toEqual(expect.any(Number));
    expect(server.connections()).toBe(0);
  });
});
