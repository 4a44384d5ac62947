import type { LiveEvent } from '@mini-netumo/contracts';

/** A failed check's event with dates, nulls and nested timings: what the event specs send and encode. */
export const CHECK_RESULT_EVENT: Extract<LiveEvent, { type: 'check.result' }> = {
  type: 'check.result',
  result: {
    id: 7,
    monitorId: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e',
    checkedAt: new Date('2026-11-25T10:00:00.000Z'),
    ok: false,
    verdict: 'down',
    inMaintenance: false,
    attempts: 2,
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 10, totalMs: 12 },
    statusCode: 503,
    latencyMs: 12,
    errorKind: 'status',
    errorMessage: 'HTTP 503, expected 200-299',
  },
};
