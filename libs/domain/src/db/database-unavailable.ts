/** The server ended the session (admin or crash shutdown, cannot connect now, a terminated backend): 57P01–57P03. */
export const SESSION_ENDED_CODES: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03']);

/**
 * Errors that mean "the database is not there right now", not "this query is wrong": refused or dropped
 * connections (Node's codes, postgres.js' own) and the server ending the session.
 */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  ...SESSION_ENDED_CODES,
]);

/** Whether the error, or one it wraps (Drizzle's DrizzleQueryError keeps the driver's error as `cause`), has one of these codes. */
export function hasErrorCode(error: unknown, codes: ReadonlySet<string>, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && codes.has(code)) return true;
  return hasErrorCode(error.cause, codes, depth + 1);
}

export const isDatabaseUnavailable = (error: unknown): boolean => hasErrorCode(error, UNAVAILABLE_CODES);

/**
 * Whether PostgreSQL itself ended the session the query ran on. Then nothing of that query or its transaction
 * committed, and the same call on another connection is safe to make once more.
 */
export const isSessionEndedByServer = (error: unknown): boolean => hasErrorCode(error, SESSION_ENDED_CODES);
