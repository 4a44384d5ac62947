import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../testing/capture-logs';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createLogger } from './logger';

const SECRET = 'Bearer sk_live_do_not_log_me_42';

/** Runs `write` with stdout and stderr tapped; returns the JSON lines it logged. */
function logged(write: () => void): { text: string; lines: Record<string, unknown>[] } {
  const logs = captureLogs();
  try {
    write();
  } finally {
    logs.stop();
  }
  const text = logs.text();
  const lines = text
    .split('\n')
    .filter((line) => line.startsWith('{"level"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { text, lines };
}

describe('createLogger', () => {
  it('writes one JSON line per event: time, level, component, message and the fields', () => {
    const { lines } = logged(() => createLogger('api').info('listening', { url: 'http://127.0.0.1:3000', port: 3000 }));
    expect(lines).toEqual([
      { level: 'info', time: expect.any(String), component: 'api', url: 'http://127.0.0.1:3000', port: 3000, message: 'listening' },
    ]);
    expect(new Date(lines[0]?.['time'] as string).toISOString()).toBe(lines[0]?.['time']);
  });

  it('writes errors to stderr only, and info and warnings to stdout', () => {
    const streams: string[] = [];
    const original = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = ((chunk: string) => streams.push(`out ${JSON.parse(chunk).level}`) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => streams.push(`err ${JSON.parse(chunk).level}`) > 0) as typeof process.stderr.write;
    try {
      const logger = createLogger('worker');
      logger.info('a');
      logger.warn('b');
      logger.error('c');
    } finally {
      process.stdout.write = original.out;
      process.stderr.write = original.err;
    }
    expect(streams).toEqual(['out info', 'out warn', 'err error']);
  });

  it('keeps a field named like a key of the line apart instead of writing the key twice', () => {
    const { lines } = logged(() => createLogger('worker').warn('database connection lost', { message: 'terminated', code: '57P01' }));
    expect(lines[0]).toMatchObject({ message: 'database connection lost', 'field.message': 'terminated', code: '57P01' });
  });

  it('shows an error by name, message, code, cause and stack frames', () => {
    const error = Object.assign(new Error('queue is gone', { cause: new TypeError('socket closed') }), { code: 'ECONNRESET' });
    const { lines } = logged(() => createLogger('api').error('procedure failed', { error }));
    expect(lines[0]?.['error']).toMatchObject({
      name: 'Error',
      message: 'queue is gone',
      code: 'ECONNRESET',
      cause: { name: 'TypeError', message: 'socket closed' },
    });
    expect(String((lines[0]?.['error'] as { stack: string }).stack)).toMatch(/^\s+at /);
  });
});

describe('secret fields in the log', () => {
  const secret = (name: string) => `${name}-sk_live_do_not_log_me_42`;

  it.each([
    ['webhookUrl', { webhookUrl: secret('webhookUrl') }],
    ['apiKey in a channel config', { channel: { config: { apiKey: secret('apiKey') } } }],
    ['botToken in an alert job', { job: { data: { channel: { config: { botToken: secret('botToken') } } } } }],
    ['a webhook signing secret', { config: { secret: secret('secret') } }],
    ['pingKey', { monitor: { pingKey: secret('pingKey') } }],
    ['password', { password: secret('password') }],
    ['an Authorization header', { request: { headers: { Authorization: secret('authorization') } } }],
    ['an authorization header, lower case', { headers: { authorization: secret('authorization') } }],
    ['a Proxy-Authorization header', { headers: { 'proxy-authorization': secret('proxy') } }],
    ['one in a list', { channels: [{ config: { apiKey: secret('listed') } }] }],
  ])('writes [redacted] instead of %s', (_case, fields) => {
    const before = JSON.stringify(fields);
    const { text, lines } = logged(() => createLogger('worker').warn('delivery failed', fields));
    expect(lines).toHaveLength(1);
    expect(text).not.toContain('sk_live');
    expect(text).toContain('"[redacted]"');
    expect(JSON.stringify(fields)).toBe(before); // the caller's object is left as it was
  });

  it('leaves other fields, and the other headers, as they are', () => {
    const { lines } = logged(() =>
      createLogger('api').info('probe', { url: 'https://example.com/', headers: { Accept: 'text/html', Authorization: 'Bearer x' } }),
    );
    expect(lines[0]).toMatchObject({ url: 'https://example.com/', headers: { Accept: 'text/html', Authorization: '[redacted]' } });
  });
});

describe('LOG_LEVEL', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const levelsWritten = async (level: string | undefined) => {
    vi.stubEnv('LOG_LEVEL', level);
    vi.resetModules();
    const fresh = await import('./logger');
    const { lines } = logged(() => {
      const logger = fresh.createLogger('worker');
      logger.info('a');
      logger.warn('b');
      logger.error('c');
    });
    return lines.map((line) => line['level']);
  };

  it.each([
    [undefined, ['info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
    ['debug', ['info', 'warn', 'error']],
    // loadConfig stops the start for this one; until then the logger keeps the default.
    ['loud', ['info', 'warn', 'error']],
  ])('LOG_LEVEL=%s writes %j', async (level, written) => {
    expect(await levelsWritten(level)).toEqual(written);
  });
});

describe('a failed query in the log', () => {
  // A stand-in for the monitors table: text the database refuses, and header values that are credentials.
  const targets = pgTable('log_targets', {
    name: text('name').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
  });
  let testDb: TestDatabase;
  let sql: postgres.Sql;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    sql = postgres(testDb.url, { max: 1, onnotice: () => undefined });
    await sql`create table log_targets (name text not null, headers jsonb not null)`;
  });

  afterAll(async () => {
    await sql?.end();
    await testDb?.drop();
  });

  const failure = async (run: () => Promise<unknown>): Promise<Error> => {
    try {
      await run();
    } catch (error) {
      return error as Error;
    }
    throw new Error('the query did not fail');
  };

  it.each([
    ['a NUL in a text column', { name: 'Site\u0000', headers: { Authorization: SECRET } }],
    ['a lone surrogate in jsonb', { name: 'Site', headers: { Authorization: SECRET, 'X-Odd': '\ud800' } }],
    ['a not-null violation, whose detail lists the row', { name: null as unknown as string, headers: { Authorization: SECRET } }],
  ])('names the query and the cause, never the values (%s)', async (_case, row) => {
    const error = await failure(() => drizzle(sql).insert(targets).values(row));
    expect(error.message).toContain(SECRET); // Drizzle's own message carries the params…
    const { text, lines } = logged(() => createLogger('api').error('procedure failed', { procedure: 'monitors.create', error }));
    expect(text).not.toContain(SECRET); // …the log line does not.
    expect(text).not.toContain('sk_live');
    expect(lines[0]?.['error']).toMatchObject({
      message: 'Failed query',
      query: expect.stringContaining('insert into "log_targets"'),
      name: 'DrizzleQueryError',
      cause: { name: 'PostgresError', code: expect.any(String) },
    });
  });

  it('never shows the parameters of a postgres.js error, even with debug making them enumerable', async () => {
    const debugging = postgres(testDb.url, { max: 1, onnotice: () => undefined, debug: () => undefined });
    const headers = JSON.stringify({ Authorization: SECRET });
    const error = await failure(() => debugging`insert into log_targets (name, headers) values (${'x\u0000'}, ${headers}::jsonb)`).finally(
      () => debugging.end(),
    );
    expect(JSON.stringify(error)).toContain(SECRET);
    const { text, lines } = logged(() => createLogger('api').error('insert failed', { error }));
    expect(text).not.toContain(SECRET);
    expect(lines[0]?.['error']).toMatchObject({ name: 'PostgresError', code: '22021' });
  });
});
