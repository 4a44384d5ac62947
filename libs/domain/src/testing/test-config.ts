import type { AppConfig, NotifySettings } from '../core/config';
import { TEST_REDIS_URL, uniquePrefix } from './test-database';

/** A configuration for tests: a fresh queue prefix, no canary, Redis or PostgreSQL as the backend. */
export function testAppConfig(databaseUrl: string, backend: 'redis' | 'postgres', overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    databaseUrl,
    redisUrl: backend === 'redis' ? TEST_REDIS_URL : undefined,
    queuePrefix: uniquePrefix('test'),
    host: '127.0.0.1',
    port: 0,
    publicListener: { host: '127.0.0.1', port: 0, url: 'http://127.0.0.1:3001', pingRateLimitPerMinute: 60, pageRateLimitPerMinute: 1_200 },
    mutationRateLimitPerMinute: 100_000,
    workerConcurrency: 5,
    workerHttpPort: 0,
    selfHeartbeatUrl: undefined,
    metrics: { perMonitor: true },
    webDistDir: undefined,
    canaryUrl: undefined,
    // Tests monitor servers on 127.0.0.1; a test of the guard turns it on with `{ blockPrivateTargets: true }`.
    blockPrivateTargets: false,
    perHostConcurrency: 4,
    resultRetentionDays: 30,
    notify: testNotifySettings(),
    // Tests never reach the internet: no RDAP, and WHOIS on a local port nothing listens on (refused at once).
    expiry: { rdapBootstrapUrl: '', whoisServer: { host: '127.0.0.1', port: 1 }, timeoutMs: 2_000 },
    watchdog: { sweepEveryMs: 5_000, overdueThreshold: 0 },
    ...overrides,
  };
}

/** Delivery settings for tests: the same machinery with delays in milliseconds, not minutes. */
export function testNotifySettings(overrides: Partial<NotifySettings> = {}): NotifySettings {
  return {
    publicUrl: 'http://127.0.0.1:3000',
    resendBaseUrl: undefined,
    telegramApiBaseUrl: 'https://api.telegram.org',
    attempts: 3,
    backoffMs: 20,
    maxBackoffMs: 2_000,
    timeoutMs: 1_000,
    concurrency: 10,
    sweepEveryMs: 3_600_000,
    flapping: { changes: 5, windowMinutes: 30 },
    ...overrides,
  };
}
