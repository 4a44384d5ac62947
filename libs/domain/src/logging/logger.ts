import pino from 'pino';
import { describeError } from './describe-error';

/** One JSON line per event: greppable by humans, parseable by log shippers. Never pass secrets in `fields`. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Keys of the line itself: a field with one of these names is written as `field.<name>`, not a duplicate key. */
const OWN_KEYS = new Set(['time', 'level', 'component', 'message']);

function serialise(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[OWN_KEYS.has(key) ? `field.${key}` : key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}

// Written through process.stdout / process.stderr themselves (not pino's own fd writer), synchronously as
// those are for files and pipes: a test tapping their `write` sees every line. Errors go to stderr only.
const destination = pino.multistream(
  [
    { level: 'info', stream: process.stdout },
    { level: 'error', stream: process.stderr },
  ],
  { dedupe: true },
);

const root = pino(
  {
    base: null,
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: serialise },
  },
  destination,
);

export function createLogger(component: string): Logger {
  const logger = root.child({ component });
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
