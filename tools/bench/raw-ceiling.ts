import { Agent, request } from 'undici';

/**
 * The raw ceiling: plain undici GETs to the same target, a fresh connection for each (as our checks do),
 * `concurrency` at a time for `durationMs`. Our end-to-end throughput is reported as a share of this.
 */
export async function measureRawCeiling(url: string, durationMs: number, concurrency: number): Promise<number> {
  const deadline = Date.now() + durationMs;
  let done = 0;
  const loop = async () => {
    while (Date.now() < deadline) {
      const agent = new Agent({ connections: 1, pipelining: 0 });
      const response = await request(url, { dispatcher: agent });
      await response.body.dump();
      await agent.destroy();
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return done / ((Date.now() - started) / 1_000);
}
