/**
 * Where the tests find PostgreSQL and Redis. `npm test` sets both (tools/test/run-all.ts: the servers found on
 * the defaults below, else ones it starts); a suite run on its own falls back to the defaults, as on the dev
 * machines and in CI.
 */
export const DEFAULT_TEST_DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** The server the tests create (and drop) their own databases on. */
export const testDatabaseAdminUrl = (): string => process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_TEST_DATABASE_ADMIN_URL;

/** Redis for tests; each test uses its own key prefix, so a shared server is fine. */
export const testRedisUrl = (): string => process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
