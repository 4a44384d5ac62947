import type { AppConfig } from '../config';
import { TEST_REDIS_URL, uniquePrefix } from './test-database';

/** A configuration for tests: a fresh queue prefix, no canary, Redis or PostgreSQL as the backend. */
export function testAppConfig(databaseUrl: string, backend: 'redis' | 'postgres', overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    databaseUrl,
    redisUrl: backend === 'redis' ? TEST_REDIS_URL : undefined,
    queuePrefix: uniquePrefix('test'),
    host: '127.0.0.1',
    port: 0,
    workerConcurrency: 5,
    webDistDir: undefined,
    canaryUrl: undefined,
    perHostConcurrency: 4,
    resultRetentionDays: 30,
    ...overrides,
  };
}
