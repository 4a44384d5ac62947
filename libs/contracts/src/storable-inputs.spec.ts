import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channelInputSchema, channelTestDraftSchema } from './channels/channel';
import { incidentAcknowledgeInputSchema } from './incident';
import { maintenanceWindowInputSchema } from './maintenance-window';
import { monitorInputSchema, monitorUpdateSchema } from './monitor';
import { resultsListInputSchema, statsExportInputSchema } from './stats';

const ID = '00000000-0000-4000-8000-000000000000';
const monitor = { name: 'Site', url: 'https://example.com/health' };
const webhook = {
  name: 'Hook',
  kind: 'webhook',
  config: { url: 'https://hooks.example.com/x', secret: 'sixteen-chars-or-more', headers: { 'X-Key': 'k' } },
};
const email = { name: 'Mail', kind: 'email', config: { apiKey: 're_key', from: 'Monitor <m@example.com>', to: ['ops@example.com'] } };
const telegram = { name: 'Bot', kind: 'telegram', config: { botToken: '123456789:AAHabcdefghijklmnopqrstuvwxyz', chatId: '-100123' } };
const weekly = { name: 'Backups', schedule: { type: 'weekly', weekdays: [0], startTime: '02:30', durationMinutes: 60, timeZone: 'UTC' } };
const cron = { name: 'Backups', schedule: { type: 'cron', expression: '0 2 * * *', durationMinutes: 60, timeZone: 'UTC' } };

/** [schema, valid input, the string's path, the field the message names]: one row per user-supplied string. */
const STRINGS: [z.ZodType, Record<string, unknown>, string[], string][] = [
  [monitorInputSchema, monitor, ['name'], 'name'],
  [monitorInputSchema, monitor, ['url'], 'url'],
  [monitorInputSchema, { ...monitor, body: 'x' }, ['body'], 'body'],
  [monitorInputSchema, { ...monitor, expectedStatusCodes: '200' }, ['expectedStatusCodes'], 'expectedStatusCodes'],
  [monitorInputSchema, { ...monitor, headers: { Authorization: 'Bearer x' } }, ['headers', 'Authorization'], 'headers'],
  [monitorInputSchema, { ...monitor, bodyAssertion: { type: 'contains', value: 'ok' } }, ['bodyAssertion', 'value'], 'bodyAssertion.value'],
  [
    monitorInputSchema,
    { ...monitor, bodyAssertion: { type: 'regex', pattern: 'ok', flags: 'i' } },
    ['bodyAssertion', 'pattern'],
    'bodyAssertion.pattern',
  ],
  [
    monitorInputSchema,
    { ...monitor, bodyAssertion: { type: 'regex', pattern: 'ok', flags: 'i' } },
    ['bodyAssertion', 'flags'],
    'bodyAssertion.flags',
  ],
  [
    monitorInputSchema,
    { ...monitor, bodyAssertion: { type: 'json', path: '$.a', op: 'equals', value: 'v' } },
    ['bodyAssertion', 'path'],
    'bodyAssertion.path',
  ],
  [
    monitorInputSchema,
    { ...monitor, bodyAssertion: { type: 'json', path: '$.a', op: 'equals', value: 'v' } },
    ['bodyAssertion', 'value'],
    'bodyAssertion.value',
  ],
  [monitorUpdateSchema, { id: ID, patch: { name: 'New' } }, ['patch', 'name'], 'name'],
  [channelInputSchema, webhook, ['name'], 'name'],
  [channelInputSchema, webhook, ['config', 'url'], 'url'],
  [channelInputSchema, webhook, ['config', 'secret'], 'secret'],
  [channelInputSchema, webhook, ['config', 'headers', 'X-Key'], 'headers'],
  [
    channelInputSchema,
    { name: 'S', kind: 'slack', config: { webhookUrl: 'https://hooks.slack.com/x' } },
    ['config', 'webhookUrl'],
    'webhookUrl',
  ],
  [channelInputSchema, email, ['config', 'apiKey'], 'apiKey'],
  [channelInputSchema, email, ['config', 'from'], 'from'],
  [channelInputSchema, email, ['config', 'to', '0'], 'to'],
  [channelInputSchema, telegram, ['config', 'botToken'], 'botToken'],
  [channelInputSchema, telegram, ['config', 'chatId'], 'chatId'],
  [
    channelTestDraftSchema,
    { kind: 'discord', config: { webhookUrl: 'https://discord.com/api/webhooks/x' } },
    ['config', 'webhookUrl'],
    'webhookUrl',
  ],
  [maintenanceWindowInputSchema, weekly, ['name'], 'name'],
  [maintenanceWindowInputSchema, weekly, ['schedule', 'startTime'], 'startTime'],
  [maintenanceWindowInputSchema, weekly, ['schedule', 'timeZone'], 'timeZone'],
  [maintenanceWindowInputSchema, cron, ['schedule', 'expression'], 'expression'],
  [incidentAcknowledgeInputSchema, { id: ID, by: 'ann', note: 'on it' }, ['by'], 'by'],
  [incidentAcknowledgeInputSchema, { id: ID, by: 'ann', note: 'on it' }, ['note'], 'note'],
  [resultsListInputSchema, { monitorId: ID, cursor: 'abc' }, ['cursor'], 'cursor'],
];

/** [schema, valid input, the date's path, the field the message names]. */
const DATES: [z.ZodType, Record<string, unknown>, string[], string][] = [
  [statsExportInputSchema, { monitorId: ID, what: 'daily', from: new Date('2026-01-01'), to: new Date('2026-02-01') }, ['from'], 'from'],
  [statsExportInputSchema, { monitorId: ID, what: 'daily', from: new Date('2026-01-01'), to: new Date('2026-02-01') }, ['to'], 'to'],
  [resultsListInputSchema, { monitorId: ID, from: new Date('2026-01-01'), to: new Date('2026-02-01') }, ['from'], 'from'],
  [resultsListInputSchema, { monitorId: ID, from: new Date('2026-01-01'), to: new Date('2026-02-01') }, ['to'], 'to'],
  [
    maintenanceWindowInputSchema,
    { name: 'Once', schedule: { type: 'once', startsAt: new Date('2030-01-01'), endsAt: new Date('2030-01-02') } },
    ['schedule', 'startsAt'],
    'startsAt',
  ],
  [
    maintenanceWindowInputSchema,
    { name: 'Once', schedule: { type: 'once', startsAt: new Date('2030-01-01'), endsAt: new Date('2030-01-02') } },
    ['schedule', 'endsAt'],
    'endsAt',
  ],
];

/** A deep copy of `input` with `change` applied to the value at `path` (the last key is renamed when `renameKey`). */
function changed(input: Record<string, unknown>, path: string[], change: (value: string) => string, renameKey = false): unknown {
  const copy = structuredClone(input);
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  const key = path[path.length - 1] as string;
  if (renameKey) {
    parent[change(key)] = parent[key];
    delete parent[key];
  } else {
    parent[key] = change(parent[key] as string);
  }
  return copy;
}

const messages = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('every user-supplied string refuses what PostgreSQL cannot store, naming the field', () => {
  it.each(STRINGS)('%#: %j at %j is valid as it is', (schema, input) => {
    expect(messages(schema, input)).toEqual([]);
  });

  it.each(STRINGS)('%#: a NUL at %j → "%s must not contain NUL characters"', (schema, input, path, field) => {
    expect(
      messages(
        schema,
        changed(input, path, (value) => `${value}\u0000`),
      ),
    ).toEqual([`${field} must not contain NUL characters`]);
  });

  it.each(STRINGS)('%#: a lone surrogate at %j → "%s must not contain unpaired UTF-16 surrogates"', (schema, input, path, field) => {
    expect(
      messages(
        schema,
        changed(input, path, (value) => `\ud800${value}`),
      ),
    ).toEqual([`${field} must not contain unpaired UTF-16 surrogates`]);
  });

  it.each([
    [monitorInputSchema, { ...monitor, headers: { Authorization: 'x' } }],
    [channelInputSchema, webhook],
  ] as const)('refuses a header name with a NUL or a lone surrogate, naming headers', (schema, input) => {
    const path = schema === monitorInputSchema ? ['headers', 'Authorization'] : ['config', 'headers', 'X-Key'];
    expect(
      messages(
        schema,
        changed(input, path, (name) => `${name}\u0000`, true),
      ),
    ).toEqual(['headers must not contain NUL characters']);
    expect(
      messages(
        schema,
        changed(input, path, (name) => `${name}\udfff`, true),
      ),
    ).toEqual(['headers must not contain unpaired UTF-16 surrogates']);
  });
});

describe('every input date is one PostgreSQL and toISOString() can store, naming the field', () => {
  it.each(DATES)("%#: %j at %j refuses JavaScript's extremes", (schema, input, path, field) => {
    const at = (date: Date) => changed(input, path, () => date as unknown as string);
    expect(messages(schema, at(new Date(8.64e15)))).toContain(`${field} must not be after 9999-12-31`);
    expect(messages(schema, at(new Date(-8.64e15)))).toContain(`${field} must not be before 1970-01-01`);
    expect(messages(schema, at(new Date(Number.NaN)))).toContain(`${field} must be a date`);
  });
});
