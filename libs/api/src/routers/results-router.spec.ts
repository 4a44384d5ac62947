import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkResultSchema } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, recordVerdicts, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const resultsSchema = z.array(checkResultSchema);

describe('results router', () => {
  let monitorId: string;
  /** Ids of the stored results, newest first. */
  let newestFirst: number[];

  beforeAll(async () => {
    // Active so that checks are recorded; no worker runs, so nothing is ever sent to port 9.
    monitorId = (await api.caller.monitors.create({ name: 'Checked', url: 'http://127.0.0.1:9/' })).id;
    const recorded = await recordVerdicts(api, monitorId, ['up', 'down', 'up', 'unknown', 'up']);
    newestFirst = recorded.map((check) => check.result.id).reverse();
  });

  it('recent answers the newest results first, up to limit', async () => {
    const recent = expectContractShape(resultsSchema, await api.caller.results.recent({ monitorId, limit: 2 }));
    expect(recent.map((result) => [result.id, result.verdict])).toEqual([
      [newestFirst[0], 'up'],
      [newestFirst[1], 'unknown'],
    ]);
    expect(recent[0]).toMatchObject({
      monitorId,
      ok: true,
      statusCode: 200,
      latencyMs: 140,
      errorKind: null,
      attempts: 1,
      inMaintenance: false,
    });
    expect((await api.caller.results.recent({ monitorId })).map((result) => result.id)).toEqual(newestFirst);
  });

  it('list filters by verdict', async () => {
    const { items, nextCursor } = await api.caller.results.list({ monitorId, verdict: 'down' });
    expect(expectContractShape(resultsSchema, items)).toEqual([
      expect.objectContaining({
        id: newestFirst[3],
        ok: false,
        statusCode: 503,
        errorKind: 'status',
        errorMessage: 'HTTP 503, expected 200-299',
      }),
    ]);
    expect(nextCursor).toBeNull();
  });

  it('list pages through every result with the cursor it hands out', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (const size of [2, 2, 1]) {
      const page = await api.caller.results.list({ monitorId, limit: 2, cursor });
      expect(page.items).toHaveLength(size);
      seen.push(...page.items.map((result) => result.id));
      cursor = page.nextCursor ?? undefined;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(newestFirst);
  });

  it('refuses a cursor it did not hand out, and bad fields by name', async () => {
    expect(await clientError(api.caller.results.list({ monitorId, cursor: 'bm9wZQ' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'cursor is not a cursor from a previous page',
      fieldErrors: { cursor: 'cursor is not a cursor from a previous page' },
    });
    expect((await clientError(api.caller.results.recent({ monitorId, limit: 0 }))).fieldErrors).toEqual({
      limit: 'limit must be at least 1',
    });
    expect((await clientError(api.caller.results.list({ monitorId: 'abc', verdict: 'maybe' as never }))).fieldErrors).toEqual({
      monitorId: 'monitorId must be a monitor id (uuid)',
      verdict: 'verdict must be one of up, down, unknown',
    });
  });

  it.each(['recent', 'list'] as const)('%s answers NOT_FOUND for an unknown monitor, not an empty list', async (procedure) => {
    expect(await clientError(api.caller.results[procedure]({ monitorId: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `monitor ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
  });
});
