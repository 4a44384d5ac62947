import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

// The logger reads LOG_LEVEL itself (logger.spec.ts); the configuration only refuses a value it would ignore.
describe('LOG_LEVEL in the configuration', () => {
  it.each(['info', 'warn', 'error', 'silent', undefined])('accepts %s', (level) => {
    expect(() => loadConfig({ ...base, LOG_LEVEL: level })).not.toThrow();
  });

  it.each(['loud', 'INFO', ''])('refuses %j naming the variable', (level) => {
    expect(() => loadConfig({ ...base, LOG_LEVEL: level })).toThrow(
      'LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });
});
