import { findOnPath } from './find-on-path';

let resolved: Promise<string> | undefined;

/**
 * The `redis-server` the tests run: the one on PATH (Debian's, Homebrew's…), else the one redis-memory-server
 * keeps in its cache. Its first use there downloads Redis's source from download.redis.io and builds it with
 * `make` (a C compiler is needed); later runs reuse the build. Loaded only when needed: most machines that run
 * the tests have a redis-server already.
 */
export function redisServerBinary(): Promise<string> {
  resolved ??= locateRedisServer();
  return resolved;
}

async function locateRedisServer(): Promise<string> {
  return findOnPath('redis-server') ?? (await downloadedRedisServer());
}

async function downloadedRedisServer(): Promise<string> {
  const { RedisBinary } = await import('redis-memory-server');
  try {
    return await RedisBinary.getPath();
  } catch (error) {
    throw new Error(
      'No redis-server on PATH, and redis-memory-server could not fetch and build one (it needs download.redis.io, ' +
        `make and a C compiler the first time). Install Redis, or set TEST_REDIS_URL. Cause: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
