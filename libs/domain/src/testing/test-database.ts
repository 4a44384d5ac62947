import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { testDatabaseAdminUrl, testRedisUrl } from './services/test-service-urls';

const ADMIN_URL = testDatabaseAdminUrl();

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database per test file: tests never see each other's rows or BullMQ tables. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mn_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Redis for tests; each test uses its own key prefix, so a shared server is fine. */
export const TEST_REDIS_URL = testRedisUrl();

export const uniquePrefix = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;
