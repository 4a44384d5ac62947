import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTargetServer, type TargetServer } from '../../testing';
import { runConfirmed } from '../confirmed-check';
import { runHttpCheck } from './http-check';
import { plainGet } from './plain-get';

describe('runConfirmed, with the HTTP probe', () => {
  let target: TargetServer;
  const connections = new Set<string>();
  beforeAll(async () => {
    target = await startTargetServer();
  });
  afterAll(async () => {
    await target.close();
  });

  const probe = () => runHttpCheck(plainGet(target.url, { timeoutMs: 2_000 }));

  it('believes a blip only if the re-check over a fresh connection fails too', async () => {
    let requests = 0;
    target.behave((req, res) => {
      connections.add(`${req.socket.remotePort}`);
      requests++;
      res.writeHead(requests === 1 ? 503 : 200).end();
    });
    const outcome = await runConfirmed(probe, { retries: 1, retryDelayMs: 10 });
    expect(outcome).toMatchObject({ ok: true, attempts: 2, statusCode: 200 });
    expect(connections.size).toBe(2); // the re-check did not reuse the first connection
  });

  it('reports the failure after all re-checks fail, with backoff between them', async () => {
    target.answer(500);
    const started = Date.now();
    const outcome = await runConfirmed(probe, { retries: 2, retryDelayMs: 50 });
    expect(outcome).toMatchObject({ ok: false, attempts: 3, errorKind: 'status' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 100); // 50 ms, then 100 ms
  });

  it('does not re-check a success', async () => {
    target.answer(200);
    expect(await runConfirmed(probe, { retries: 3, retryDelayMs: 10 })).toMatchObject({ ok: true, attempts: 1 });
  });
});
