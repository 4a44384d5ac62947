/**
 * Errors that mean "the database is not there right now", not "this query is wrong": refused or dropped
 * connections (Node's codes, postgres.js' own) and the server's shutting-down codes (57P01–57P03).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
]);

/** Looks through wrappers (Drizzle's DrizzleQueryError keeps the driver's error as `cause`). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/** The server ended the session (shutdown, crash, a terminated backend): 57P01–57P03 in the server's own answer. */
const SESSION_ENDED_CODES = new Set(['57P01', '57P02', '57P03']);

/**
 * Whether PostgreSQL itself ended the session the query ran on. Then nothing of that query or its transaction
 * committed, and the same call on another connection is safe to make once more.
 */
export function isSessionEndedByServer(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && SESSION_ENDED_CODES.has(code)) return true;
  return isSessionEndedByServer(error.cause, depth + 1);
}
