import pino from 'pino';
import { describeError } from './describe-error';

/** One JSON line per event: greppable by humans, parseable by log shippers. Secret fields are redacted (below). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What LOG_LEVEL may say (pino's names): lines below the level are not written. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Credential fields, at any of the depths below: pino writes `[redacted]` in place of their values. */
const SECRET_FIELDS = [
  'webhookUrl',
  'apiKey',
  'botToken',
  'secret',
  'pingKey',
  'password',
  'headers.authorization',
  'headers.Authorization',
  'headers["proxy-authorization"]',
  'headers["Proxy-Authorization"]',
];
/**
 * pino's paths have no "any depth": `apiKey`, `*.apiKey`, … down to a channel's config in an alert in a job.
 * That costs ~60 µs a line; we log starts, warnings and errors, never a line per check.
 */
const REDACT_PATHS = [0, 1, 2, 3, 4].flatMap((depth) => SECRET_FIELDS.map((field) => `${'*.'.repeat(depth)}${field}`));

/** Keys of the line itself: a field with one of these names is written as `field.<name>`, not a duplicate key. */
const OWN_KEYS = new Set(['time', 'level', 'component', 'message']);

function serialise(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[OWN_KEYS.has(key) ? `field.${key}` : key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}

/**
 * Read here rather than through loadConfig: the logger exists, and may have to report a bad configuration,
 * before the configuration does. loadConfig rejects a LOG_LEVEL that is not one of LOG_LEVELS.
 */
function levelFromEnvironment(): LogLevel {
  const level = process.env['LOG_LEVEL'];
  return LOG_LEVELS.find((known) => known === level) ?? 'info';
}

// Written through process.stdout / process.stderr themselves (not pino's own fd writer), synchronously as
// those are for files and pipes: a test tapping their `write` sees every line. Errors go to stderr only.
const destination = pino.multistream(
  [
    { level: 'trace', stream: process.stdout },
    { level: 'error', stream: process.stderr },
  ],
  { dedupe: true },
);

const root = pino(
  {
    level: levelFromEnvironment(),
    base: null,
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: serialise },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  },
  destination,
);

/**
 * The pino logger itself, for a library that takes one (pino-http): same lines, same level, same redaction.
 * Our own code logs through `Logger` (createLogger).
 */
export function createPinoLogger(component: string): pino.Logger {
  return root.child({ component });
}

export function createLogger(component: string): Logger {
  const logger = root.child({ component });
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
