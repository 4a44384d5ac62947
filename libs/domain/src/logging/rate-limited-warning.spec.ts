import { describe, expect, it } from 'vitest';
import type { Logger } from './logger';
import { rateLimitedWarning } from './rate-limited-warning';

describe('rateLimitedWarning', () => {
  it('logs the first warning, holds back the burst and says how many it held', () => {
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger: Logger = { info: () => undefined, error: () => undefined, warn: (message, fields) => lines.push({ message, fields }) };
    let clock = 0;
    const warn = rateLimitedWarning(logger, 'queue connection trouble', 10_000, () => clock);
    for (let i = 0; i < 1_632; i++) {
      warn({ error: 'ECONNREFUSED' });
      clock += 18; // 1,632 warnings in ~30 s, as the issue counted
    }
    expect(lines.length).toBe(3);
    expect(lines[0]).toEqual({ message: 'queue connection trouble', fields: { error: 'ECONNREFUSED' } });
    expect(lines[1]?.fields?.['heldBack']).toBe(555);
  });
});
