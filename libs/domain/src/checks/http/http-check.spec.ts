import { createServer as createTcpServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTargetServer, type TargetServer } from '../../testing';
import { runHttpCheck } from './http-check';

/** A raw TCP server for the failures HTTP servers cannot produce: garbage, resets. */
async function startRawServer(onConnection: (socket: import('node:net').Socket) => void): Promise<{ url: string; server: Server }> {
  const server = createTcpServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('runHttpCheck against real local servers', () => {
  let target: TargetServer;
  beforeAll(async () => {
    target = await startTargetServer();
  });
  afterAll(async () => {
    await target.close();
  });

  const check = (url: string, overrides: Partial<Parameters<typeof runHttpCheck>[0]> = {}) =>
    runHttpCheck({ url, timeoutMs: 2_000, expectedStatusCodes: '200-299', ...overrides });

  it('passes on an expected status and measures latency', async () => {
    target.answer(204);
    const outcome = await check(target.url);
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, errorKind: null, errorMessage: null });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
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
    expect((await check(target.url, { expectedStatusCodes: '200-299,301' })).ok).toBe(true);
  });

  it('follows redirects to the final answer', async () => {
    target.behave((req, res) => {
      if (req.url === '/moved') res.writeHead(200).end('here');
      else res.writeHead(302, { location: '/moved' }).end();
    });
    expect(await check(target.url)).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('classifies a refused connection', async () => {
    const { url, server } = await startRawServer(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await check(url)).toMatchObject({ ok: false, statusCode: null, errorKind: 'refused' });
  });

  it('classifies a server that never answers as a timeout within the limit', async () => {
    const { url, server } = await startRawServer(() => undefined); // accepts, then says nothing
    const outcome = await check(url, { timeoutMs: 1_000 });
    server.close();
    expect(outcome).toMatchObject({ ok: false, errorKind: 'timeout', errorMessage: 'no complete answer within 1000 ms' });
    expect(outcome.latencyMs).toBeLessThan(3_000);
  });

  it('classifies a reset connection', async () => {
    const { url, server } = await startRawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const outcome = await check(url);
    server.close();
    expect(outcome).toMatchObject({ ok: false, errorKind: 'reset' });
  });

  it('classifies garbage instead of HTTP as a protocol failure', async () => {
    const { url, server } = await startRawServer((socket) =>
      socket.once('data', () => socket.end('this is not http\r\n\r\n')),
    );
    const outcome = await check(url);
    server.close();
    expect(outcome).toMatchObject({ ok: false, errorKind: 'protocol' });
  });
});
