import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCert, startTargetServer, type TargetServer } from '../../testing';
import { addressClass, createTargetGuard, PRIVATE_TARGET_GUARD } from '../net/target-guard';
import { runHttpCheck, type HttpCheckConfig } from './http-check';
import { plainGet } from './plain-get';

/** A raw TCP server for the failures HTTP servers cannot produce: garbage, resets, trickling bytes. */
async function startRawServer(onConnection: (socket: Socket) => void): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  server.on('close', () => sockets.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const closeRaw = (server: Server) => {
  server.close();
  server.emit('close');
};

const check = (url: string, overrides: Partial<HttpCheckConfig> = {}) =>
  runHttpCheck(plainGet(url, { timeoutMs: 2_000, maxBodyBytes: 1024 * 1024, ...overrides }));

describe('runHttpCheck against real local servers', () => {
  let target: TargetServer;
  beforeAll(async () => {
    target = await startTargetServer();
  });
  afterAll(async () => {
    await target.close();
  });

  it('passes on an expected status and records the timing phases', async () => {
    target.answer(204);
    const outcome = await check(target.url);
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, errorKind: null, errorMessage: null });
    expect(outcome.timings.dnsMs).toBeNull(); // an IP literal needs no lookup
    expect(outcome.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(outcome.timings.tlsMs).toBeNull();
    expect(outcome.timings.firstByteMs).toBeGreaterThanOrEqual(0);
    expect(outcome.timings.totalMs).toBeGreaterThanOrEqual(outcome.timings.firstByteMs!);
  });

  it('resolves names and records the DNS phase', async () => {
    target.answer(200);
    const outcome = await check(target.url.replace('127.0.0.1', 'localhost'));
    expect(outcome.ok).toBe(true);
    expect(outcome.timings.dnsMs).toBeGreaterThanOrEqual(0);
  });

  it('fails with kind status on an unexpected code', async () => {
    target.answer(500);
    expect(await check(target.url)).toMatchObject({
      ok: false,
      statusCode: 500,
      errorKind: 'status',
      errorMessage: 'HTTP 500, expected 200-299',
    });
  });

  it('accepts a code listed beside a range', async () => {
    target.answer(301);
    expect((await check(target.url, { expectedStatusCodes: '200-299,301', followRedirects: false })).ok).toBe(true);
  });

  it('sends the method, headers and body the monitor asks for', async () => {
    let seen: { method?: string; header?: string; body: string } = { body: '' };
    target.behave((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen = { method: req.method, header: req.headers['x-probe'] as string, body };
        res.writeHead(201).end();
      });
    });
    const outcome = await check(target.url, { method: 'POST', headers: { 'x-probe': 'yes' }, body: '{"ping":1}' });
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual({ method: 'POST', header: 'yes', body: '{"ping":1}' });
  });

  describe('body assertions', () => {
    beforeAll(() => {
      target.behave((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","db":{"latency":3},"tags":["a","b"]}'),
      );
    });
    it.each([
      [{ type: 'contains', value: '"ok"' }, true, null],
      [{ type: 'contains', value: 'maintenance' }, false, 'keyword'],
      [{ type: 'not_contains', value: 'error' }, true, null],
      [{ type: 'not_contains', value: 'status' }, false, 'keyword'],
      [{ type: 'regex', pattern: '"latency":\\d+', flags: '' }, true, null],
      [{ type: 'regex', pattern: '^down', flags: 'i' }, false, 'keyword'],
      [{ type: 'json', path: 'status', op: 'equals', value: 'ok' }, true, null],
      [{ type: 'json', path: '$.db.latency', op: 'equals', value: '3' }, true, null],
      [{ type: 'json', path: 'tags', op: 'contains', value: 'b' }, true, null],
      [{ type: 'json', path: 'status', op: 'equals', value: 'degraded' }, false, 'json'],
      [{ type: 'json', path: 'db.missing', op: 'equals', value: '1' }, false, 'json'],
    ] as const)('%j -> ok=%s', async (bodyAssertion, ok, kind) => {
      const outcome = await check(target.url, { bodyAssertion: bodyAssertion as HttpCheckConfig['bodyAssertion'] });
      expect({ ok: outcome.ok, kind: outcome.errorKind }).toEqual({ ok, kind });
    });

    it('says when the body is not JSON', async () => {
      target.answer(200);
      expect(await check(target.url, { bodyAssertion: { type: 'json', path: 'a', op: 'equals', value: '1' } })).toMatchObject({
        errorKind: 'json',
        errorMessage: 'body is not valid JSON',
      });
    });

    it('stops a catastrophic regular expression in bounded time', async () => {
      target.behave((_req, res) => res.writeHead(200).end(`${'a'.repeat(40)}!`));
      const started = Date.now();
      const outcome = await check(target.url, { bodyAssertion: { type: 'regex', pattern: '^(a+)+$', flags: '' } });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(outcome).toMatchObject({ ok: false, errorKind: 'keyword' });
      expect(outcome.errorMessage).toMatch(/longer than/);
    });
  });

  it('follows redirects to the final answer', async () => {
    target.behave((req, res) => {
      if (req.url === '/moved') res.writeHead(200).end('here');
      else res.writeHead(302, { location: '/moved' }).end();
    });
    expect(await check(target.url)).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('classifies a redirect loop', async () => {
    target.behave((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    expect(await check(target.url)).toMatchObject({
      ok: false,
      errorKind: 'redirects',
      errorMessage: expect.stringContaining('redirect loop'),
    });
  });

  it('classifies too many redirects', async () => {
    target.behave((req, res) => res.writeHead(301, { location: `/hop${Number(req.url?.slice(4) || 0) + 1}` }).end());
    expect(await check(target.url, { maxRedirects: 3 })).toMatchObject({
      ok: false,
      errorKind: 'redirects',
      errorMessage: 'more than 3 redirects',
    });
  });

  it('fails a body over the limit without downloading it all (100 MB answer)', async () => {
    let sent = 0;
    target.behave((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (sent < 100 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 100 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const outcome = await check(target.url, { maxBodyBytes: 1024 * 1024 });
    expect(outcome).toMatchObject({ ok: false, errorKind: 'body_too_large', errorMessage: 'body larger than 1048576 bytes' });
    expect(sent).toBeLessThan(100 * 1024 * 1024);
  });

  it('classifies a refused connection', async () => {
    const { url, server } = await startRawServer(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await check(url)).toMatchObject({ ok: false, statusCode: null, errorKind: 'refused' });
  });

  it('classifies a server that never answers as a timeout within the limit', async () => {
    const { url, server } = await startRawServer(() => undefined);
    const outcome = await check(url, { timeoutMs: 1_000 });
    closeRaw(server);
    expect(outcome).toMatchObject({ ok: false, errorKind: 'timeout', errorMessage: 'no complete answer within 1000 ms' });
    expect(outcome.latencyMs).toBeLessThan(2_500);
  });

  it('bounds a slowloris that trickles its body by the whole-check timeout', async () => {
    const { url, server } = await startRawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n');
        const trickle = setInterval(() => (socket.destroyed ? clearInterval(trickle) : socket.write('x')), 100);
      }),
    );
    const outcome = await check(url, { timeoutMs: 1_000 });
    closeRaw(server);
    expect(outcome).toMatchObject({ ok: false, statusCode: 200, errorKind: 'timeout' });
    expect(outcome.latencyMs).toBeLessThan(2_500);
  });

  it('classifies a reset connection', async () => {
    const { url, server } = await startRawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const outcome = await check(url);
    closeRaw(server);
    expect(outcome).toMatchObject({ ok: false, errorKind: 'reset' });
  });

  it('classifies garbage instead of HTTP as a protocol failure', async () => {
    const { url, server } = await startRawServer((socket) => socket.once('data', () => socket.end('this is not http\r\n\r\n')));
    const outcome = await check(url);
    closeRaw(server);
    expect(outcome).toMatchObject({ ok: false, errorKind: 'protocol' });
  });

  describe('TLS', () => {
    let https: HttpsServer;
    let url: string;
    beforeAll(async () => {
      https = createHttpsServer(makeSelfSignedCert('localhost'), (_req, res) => res.writeHead(200).end('secure'));
      await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
      url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
    });
    afterAll(() => {
      https.closeAllConnections();
      https.close();
    });

    it('refuses an untrusted certificate by default, as a tls failure', async () => {
      const outcome = await check(url);
      expect(outcome).toMatchObject({ ok: false, errorKind: 'tls' });
      expect(outcome.errorMessage).toMatch(/self[- ]signed/i);
    });

    it('accepts it when the monitor ignores certificate errors, and times the handshake', async () => {
      const outcome = await check(url, { ignoreTlsErrors: true });
      expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
      expect(outcome.timings.tlsMs).toBeGreaterThanOrEqual(0);
    });
  });
});

/** Every target is on loopback, which the guard refuses: a refused probe must leave its server untouched. */
describe('runHttpCheck with the BLOCK_PRIVATE_TARGETS guard', () => {
  let target: TargetServer;
  beforeAll(async () => {
    target = await startTargetServer();
  });
  afterAll(async () => {
    await target.close();
  });

  const guarded = (url: string, targetGuard = PRIVATE_TARGET_GUARD) => runHttpCheck(plainGet(url, { timeoutMs: 2_000 }), { targetGuard });

  it("refuses an IP literal before connecting, in the guard's words", async () => {
    const before = target.hits();
    const outcome = await guarded(target.url);
    expect(outcome).toMatchObject({
      ok: false,
      statusCode: null,
      errorKind: 'refused',
      errorMessage: '127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    });
    expect(outcome.timings.connectMs).toBeNull();
    expect(target.hits()).toBe(before);
  });

  it('refuses IPv6 and IPv4-mapped literals', async () => {
    const port = new URL(target.url).port;
    const before = target.hits();
    expect(await guarded(`http://[::1]:${port}/`)).toMatchObject({
      errorKind: 'refused',
      errorMessage: '::1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    });
    // The URL parser writes it as ::ffff:7f00:1; it still reaches 127.0.0.1.
    expect(await guarded(`http://[::ffff:127.0.0.1]:${port}/`)).toMatchObject({
      errorKind: 'refused',
      errorMessage: '::ffff:7f00:1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    });
    expect(target.hits()).toBe(before);
  });

  it('refuses a name once it resolves to a refused address, timing the lookup', async () => {
    const before = target.hits();
    const outcome = await guarded(target.url.replace('127.0.0.1', 'localhost'));
    expect(outcome).toMatchObject({ ok: false, errorKind: 'refused' });
    expect(outcome.errorMessage).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address, and BLOCK_PRIVATE_TARGETS is on$/);
    expect(outcome.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(target.hits()).toBe(before);
  });

  it('refuses a redirect to a refused address, which receives nothing', async () => {
    let elsewhereHits = 0;
    const elsewhere = createHttpServer((_req, res) => {
      elsewhereHits++;
      res.writeHead(200).end('should not be reached');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.2', resolve));
    const elsewhereUrl = `http://127.0.0.2:${(elsewhere.address() as AddressInfo).port}/`;
    target.behave((_req, res) => res.writeHead(302, { location: elsewhereUrl }).end());
    // A guard refusing 127.0.0.2 alone, so the first hop (127.0.0.1) is made and the redirect is what is refused.
    const onlySecondAddress = createTargetGuard([addressClass('a loopback address', ['127.0.0.2/32'])]);
    try {
      const before = target.hits();
      expect(await guarded(target.url, onlySecondAddress)).toMatchObject({
        ok: false,
        errorKind: 'refused',
        errorMessage: '127.0.0.2 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
      });
      expect(target.hits()).toBe(before + 1);
      expect(elsewhereHits).toBe(0);
    } finally {
      target.answer(200);
      elsewhere.closeAllConnections();
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('refuses a name over HTTPS before the handshake', async () => {
    let handshakes = 0;
    const https = createHttpsServer(makeSelfSignedCert('localhost'), (_req, res) => res.writeHead(200).end('secure'));
    https.on('secureConnection', () => handshakes++);
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    try {
      const outcome = await guarded(`https://localhost:${(https.address() as AddressInfo).port}/`);
      expect(outcome).toMatchObject({ ok: false, errorKind: 'refused', timings: { tlsMs: null } });
      expect(outcome.errorMessage).toMatch(/^localhost resolves to .*, a loopback address, and BLOCK_PRIVATE_TARGETS is on$/);
      expect(handshakes).toBe(0);
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });
});
