import { execFileSync } from 'node:child_process';

// Runs in a child process because the caller is a process 'exit' handler, where nothing async can run.
const SCRIPT = `
const Redis = require('ioredis');
const [url, prefix] = process.argv.slice(1);
const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
(async () => {
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', prefix + ':*', 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** Removes every key of one run's queue prefix, so runs do not pile up BullMQ keys in a shared Redis. */
export function deleteQueueKeys(redisUrl: string, prefix: string, cwd: string): void {
  if (!/^e2e-[a-z0-9_]+$/.test(prefix)) throw new Error(`not an e2e queue prefix: ${prefix}`);
  execFileSync(process.execPath, ['-e', SCRIPT, redisUrl, prefix], { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}
