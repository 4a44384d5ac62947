import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection, also wrapped as Drizzle wraps it', async () => {
    const unreachable = openDatabase('postgres://postgres@127.0.0.1:1/none');
    try {
      const refused = await unreachable.sql`select 1`.catch((error: unknown) => error);
      expect(isDatabaseUnavailable(refused)).toBe(true);
      expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    } finally {
      await unreachable.close();
    }
  });

  it('leaves a query that is wrong alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
