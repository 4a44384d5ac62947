import { describe, expect, it } from 'vitest';
import { monitorInputSchema, monitorUpdateSchema } from './monitor';

const firstError = (input: unknown) => {
  const parsed = monitorInputSchema.safeParse(input);
  if (parsed.success) return null;
  return { path: parsed.error.issues[0]?.path.join('.'), message: parsed.error.issues[0]?.message };
};

describe('monitorInputSchema', () => {
  it('fills in the defaults from the brief', () => {
    expect(monitorInputSchema.parse({ name: 'Site', url: 'https://example.com' })).toEqual({
      name: 'Site',
      url: 'https://example.com',
      intervalSeconds: 300,
      timeoutMs: 10_000,
      expectedStatusCodes: '200-299',
      failureThreshold: 2,
      paused: false,
    });
  });

  it.each([
    [{ url: 'https://a.example' }, 'name', 'name is required'],
    [{ name: '  ', url: 'https://a.example' }, 'name', 'name is required'],
    [{ name: 'x'.repeat(101), url: 'https://a.example' }, 'name', 'name must be at most 100 characters'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 19 }, 'intervalSeconds', 'intervalSeconds must be at least 20'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 86_401 }, 'intervalSeconds', 'intervalSeconds must be at most 86400'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: 30.5 }, 'intervalSeconds', 'intervalSeconds must be a whole number'],
    [{ name: 'A', url: 'https://a.example', intervalSeconds: '60' }, 'intervalSeconds', 'intervalSeconds must be a number'],
    [{ name: 'A', url: 'https://a.example', timeoutMs: 10 }, 'timeoutMs', 'timeoutMs must be at least 1000'],
    [{ name: 'A', url: 'https://a.example', failureThreshold: 0 }, 'failureThreshold', 'failureThreshold must be at least 1'],
    [{ name: 'A', url: 'https://a.example', expectedStatusCodes: '200-abc' }, 'expectedStatusCodes', 'expectedStatusCodes: "200-abc" is not a code (301) or a range (200-299)'],
    [{ name: 'A', url: 'https://a.example', paused: 'yes' }, 'paused', 'paused must be true or false'],
  ])('rejects %j at %s', (input, path, message) => {
    expect(firstError(input)).toEqual({ path, message });
  });
});

describe('monitorUpdateSchema', () => {
  it('accepts a partial patch without filling defaults into untouched fields', () => {
    const parsed = monitorUpdateSchema.parse({ id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e', patch: { name: 'New' } });
    expect(parsed.patch).toEqual({ name: 'New' });
  });

  it('rejects an empty patch', () => {
    const parsed = monitorUpdateSchema.safeParse({ id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e', patch: {} });
    expect(parsed.success).toBe(false);
  });
});
