import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { afterAll, beforeAll, expect } from 'vitest';
import type { z } from 'zod';
import type { CheckVerdict } from '@mini-netumo/contracts';
import {
  createExpiryLane,
  createLogger,
  openRuntime,
  recordCheck,
  runDomainJob,
  type DomainContext,
  type RecordedCheck,
  type Runtime,
} from '@mini-netumo/domain';
import { createTestDatabase, startFakeRdapServer, testAppConfig, type TestDatabase } from '@mini-netumo/domain/testing';
import { appRouter, createCaller } from '../_app';
import { createContextInner } from '../context';

const logger = createLogger('test');

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export interface RouterHarness {
  caller: ReturnType<typeof createCaller>;
  /** The context every procedure of `caller` gets: seed through domain verbs with it. */
  ctx: DomainContext;
  runtime: Runtime;
}

/**
 * A fresh database and a runtime on the PostgreSQL queue backend, opened before the file's tests and closed
 * after them. No worker runs, so no check or delivery ever leaves the process. Read its fields inside hooks and tests.
 */
export function useRouterHarness(): RouterHarness {
  const harness = {} as RouterHarness;
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    const runtime = await openRuntime(testAppConfig(testDb.url, 'postgres'), logger);
    const ctx = createContextInner({ runtime, logger });
    Object.assign(harness, { runtime, ctx, caller: createCaller(ctx) });
  });
  afterAll(async () => {
    await harness.runtime?.close();
    await testDb?.drop();
  });
  return harness;
}

export interface ClientError {
  code: string;
  message: string;
  fieldErrors: Record<string, string> | undefined;
}

/** A call that must fail, as a client reads it: the code, and the message and fieldErrors of the api's errorFormatter. */
export async function clientError(call: Promise<unknown>): Promise<ClientError> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected the call to fail, but it answered ${JSON.stringify(value)}`);
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw error;
  const shape = appRouter._def._config.errorFormatter({
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
    shape: {
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY[error.code],
      data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error) },
    },
  });
  return { code: error.code, message: shape.message, fieldErrors: shape.data.fieldErrors };
}

/** The answer is what the contract's output schema describes: it parses, and carries nothing the contract does not name. */
export function expectContractShape<T>(schema: z.ZodType<T>, answer: unknown): T {
  const parsed = schema.parse(answer);
  expect(parsed).toEqual(answer);
  return parsed;
}

// Starts an hour back and only moves forward: each check is newer than the last (older slots are dropped), all within 24 h.
let checkClock = Date.now() - 3_600_000;

/** Stores finished checks of an active monitor, a second apart, as a worker would; latencies are 100, 110, 120… ms. */
export async function recordVerdicts(harness: RouterHarness, monitorId: string, verdicts: CheckVerdict[]): Promise<RecordedCheck[]> {
  const recorded: RecordedCheck[] = [];
  for (const [i, verdict] of verdicts.entries()) {
    const at = new Date((checkClock += 1_000));
    const latencyMs = 100 + i * 10;
    const up = verdict === 'up';
    const outcome = {
      ok: up,
      statusCode: up ? 200 : 503,
      latencyMs,
      timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: latencyMs - 1, totalMs: latencyMs },
      errorKind: up ? null : ('status' as const),
      errorMessage: up ? null : 'HTTP 503, expected 200-299',
    };
    const check = await recordCheck(harness.ctx, {
      monitorId,
      slotAt: at,
      checkedAt: at,
      outcome,
      verdict,
      attempts: 1,
      inMaintenance: false,
    });
    if (!check) throw new Error(`check of monitor ${monitorId} was not recorded: is the monitor paused?`);
    recorded.push(check);
  }
  return recorded;
}

/** Runs the domain lane's job for an active monitor against a registry on 127.0.0.1 that knows `domain`. */
export async function lookUpRegistration(harness: RouterHarness, monitorId: string, domain: string, expiresAt: Date): Promise<void> {
  const rdap = await startFakeRdapServer();
  try {
    rdap.serveEndings([domain.slice(domain.lastIndexOf('.') + 1)]);
    rdap.answerExpiry(domain, expiresAt);
    const expiry = { rdapBootstrapUrl: rdap.bootstrapUrl, whoisServer: { host: '127.0.0.1', port: 1 }, timeoutMs: 2_000 };
    const ctx = { ...harness.ctx, settings: { ...harness.ctx.settings, expiry } };
    const status = await runDomainJob(ctx, { monitorId }, createExpiryLane(ctx, { registryGapMs: 0 }));
    if (status?.expiresAt?.getTime() !== expiresAt.getTime()) throw new Error(`the lookup of ${domain} stored ${JSON.stringify(status)}`);
  } finally {
    await rdap.close();
  }
}
