import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import './validation-messages';

const issues = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

const schema = z.object({
  id: z.uuid(),
  kind: z.enum(['dns', 'timeout']),
  weekdays: z.array(z.number().int().min(0).max(6)).max(2),
  label: z.string().max(3).optional(),
  when: z.date().optional(),
  own: z.string({ error: 'own must be text' }).optional(),
});
const valid = { id: '00000000-0000-4000-8000-000000000000', kind: 'dns', weekdays: [1] };

describe('fieldNamedMessage, for problems a schema has no words of its own for', () => {
  it.each([null, 5, 'text', [], true])('says the whole input must be an object, for %j', (input) => {
    expect(issues(schema, input)).toEqual([{ path: '', message: 'The input must be an object' }]);
  });

  it.each([
    [{ id: undefined }, 'id', 'id is required'],
    [{ id: 'nope' }, 'id', 'id is not a valid uuid'],
    [{ kind: 'tls' }, 'kind', 'kind must be one of dns, timeout'],
    [{ weekdays: 5 }, 'weekdays', 'weekdays must be a list'],
    [{ weekdays: [7] }, 'weekdays.0', 'weekdays.0 must be at most 6'],
    [{ weekdays: [1.5] }, 'weekdays.0', 'weekdays.0 must be a whole number'],
    [{ weekdays: [1, 2, 3] }, 'weekdays', 'weekdays must be at most 2 entries'],
    [{ label: 'long' }, 'label', 'label must be at most 3 characters'],
    [{ when: new Date(Number.NaN) }, 'when', 'when must be a date'],
  ])('names the field: %j', (change, path, message) => {
    expect(issues(schema, { ...valid, ...change })).toEqual([{ path, message }]);
  });

  it("leaves a schema's own message alone", () => {
    expect(issues(schema, { ...valid, own: 5 })).toEqual([{ path: 'own', message: 'own must be text' }]);
  });
});
