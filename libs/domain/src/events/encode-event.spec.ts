import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { LiveEvent, Monitor } from '@mini-netumo/contracts';
import { encodeEvent } from './encode-event';
import { CHECK_RESULT_EVENT } from './live-event-fixtures';

const monitor: Extract<Monitor, { kind: 'http' }> = {
  id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e',
  kind: 'http',
  name: 'Shop',
  url: 'https://shop.example/health',
  intervalSeconds: 60,
  timeoutMs: 10_000,
  expectedStatusCodes: '200-299',
  failureThreshold: 2,
  recoveryThreshold: 1,
  paused: false,
  method: 'GET',
  // Keys superjson must escape in a path, beside an ordinary one.
  headers: { 'x.trace': 'on', 'back\\slash': 'yes', accept: 'text/html' },
  body: null,
  bodyAssertion: { type: 'json', path: 'db.status', op: 'equals', value: 'ok' },
  maxBodyBytes: 65_536,
  followRedirects: true,
  maxRedirects: 5,
  ignoreTlsErrors: false,
  retries: 1,
  retryDelayMs: 500,
  tlsAlertDays: 14,
  domainAlertDays: 30,
  expiryReminderDays: [30, 7, 1],
  status: 'down',
  consecutiveFailures: 2,
  consecutiveSuccesses: 0,
  lastCheckedAt: new Date('2026-11-25T10:00:00.123Z'),
  lastLatencyMs: null,
  lastError: 'HTTP 503, expected 200-299',
  stale: null,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-11-20T08:30:00.000Z'),
};

const events: [string, LiveEvent][] = [
  ['a monitor with dates, nulls, arrays and dotted header names', { type: 'monitor.status', monitor }],
  ['a check result with its timings', CHECK_RESULT_EVENT],
  [
    'an incident not yet resolved',
    {
      type: 'incident',
      incident: {
        id: '0c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        monitorId: monitor.id,
        kind: 'down',
        state: 'open',
        openedAt: new Date(0),
        resolvedAt: null,
        cause: null,
      },
    },
  ],
  ['an event without dates', { type: 'monitor.deleted', monitorId: monitor.id }],
  [
    'fields left undefined, one under a dotted key',
    {
      type: 'monitor.status',
      monitor: { ...monitor, body: undefined as unknown as null, headers: { 'a.b\\c': undefined as unknown as string } },
    },
  ],
  ['a value JSON cannot carry (handed to superjson)', { type: 'monitor.status', monitor: { ...monitor, lastLatencyMs: Number.NaN } }],
];

describe('encodeEvent', () => {
  it.each(events)('writes %s exactly as superjson does', (_name, event) => {
    const encoded = encodeEvent(event);
    expect(encoded).toBe(superjson.stringify(event));
    expect(superjson.parse(encoded)).toEqual(event);
  });
});
