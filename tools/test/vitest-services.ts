import { provideTestServices } from '../../libs/domain/src/testing/services/test-services';

/**
 * vitest globalSetup: a suite run on its own (`npx nx test domain`) gets the same PostgreSQL and Redis as
 * `npm test` would give it. Under `npm test` both URLs are set already and this does nothing. The forks
 * that run the tests start after this and inherit the environment.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_ADMIN_URL && process.env.TEST_REDIS_URL) return undefined;
  const services = await provideTestServices((line) => console.log(`[test services] ${line}`));
  Object.assign(process.env, services.env);
  return () => services.stop();
}
