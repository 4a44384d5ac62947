import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { redisServerBinary } from './redis-server-binary';

/** A Redis the test owns, with no persistence: restarting it loses everything, as in many caches and containers. */
export interface ThrowawayRedis {
  url: string;
  /** FLUSHALL, as an operator (or a script pointed at the wrong Redis) would type it. */
  flushAll(): Promise<void>;
  /** Kills the server, waits `downMs`, starts an empty one on the same port. */
  restartEmpty(downMs: number): Promise<void>;
  /** Every BullMQ job scheduler id under `prefix`, per queue name. */
  schedulers(prefix: string): Promise<Map<string, string[]>>;
  stop(): Promise<void>;
}

/** Loopback only, nothing on disk; stopped by `stop()` (the caller's job, also on failure). */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined = await spawnRedis(port);

  const withClient = async <T>(use: (client: Redis) => Promise<T>): Promise<T> => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      return await use(client);
    } finally {
      client.disconnect();
    }
  };
  const kill = async () => {
    if (!server) return;
    const running = server.exitCode === null && server.signalCode === null;
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGKILL');
    if (running) await exited;
    server = undefined;
  };

  return {
    url,
    flushAll: () => withClient(async (client) => void (await client.flushall())),
    async restartEmpty(downMs) {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await spawnRedis(port);
    },
    schedulers: (prefix) =>
      withClient(async (client) => {
        // BullMQ keeps each queue's job schedulers in the sorted set `<prefix>:<queue>:repeat`.
        const keys = await client.keys(`${prefix}:*:repeat`);
        const byQueue = new Map<string, string[]>();
        for (const key of keys) byQueue.set(key.slice(prefix.length + 1, -':repeat'.length), await client.zrange(key, 0, -1));
        return byQueue;
      }),
    stop: kill,
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const server = spawn(await redisServerBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${port}: ${output}`)), 10_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
  server.stdout?.resume();
  server.stderr?.resume();
  // A server this process started never outlives it, whatever way it ends (a test timing out, Ctrl-C, exit()).
  const killWithUs = () => server.kill('SIGKILL');
  process.once('exit', killWithUs);
  server.once('exit', () => process.off('exit', killWithUs));
  return server;
}
