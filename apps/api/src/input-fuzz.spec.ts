import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, REST_ROUTES } from '@mini-netumo/api';
import { createLogger, openRuntime, type Runtime } from '@mini-netumo/domain';
import {
  createTestDatabase,
  listenOnLoopback,
  testAppConfig,
  testNotifySettings,
  type LoopbackServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { createServer } from './create-server';
import { fuzzInputs } from './fuzz/fuzz-inputs';
import { findLeak } from './fuzz/leak-patterns';
import { RAW_REQUESTS, REST_RAW_REQUESTS, type RawRequest } from './fuzz/raw-requests';
import { restRequestFor } from './fuzz/rest-request';
import { seedFor, seededRandom } from './fuzz/seeded-random';
import { validInputs, LOOPBACK_TARGETS, type FuzzFixtures } from './fuzz/valid-inputs';

/** FUZZ_SEED replays a run; each failure message prints the seed it ran with. */
const RUN_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 32);
const INPUTS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 300);
/** Requests in flight at once: enough to keep the server busy, few enough for two shared cores. */
const PARALLEL = 6;

type ProcedureType = 'query' | 'mutation' | 'subscription';

/** One procedure as one API reaches it: tRPC by its path, REST by its route. */
interface FuzzCase {
  label: string;
  procedure: string;
  type: ProcedureType;
  restRoute?: (typeof REST_ROUTES)[number];
}

// Subscriptions (events.live) are skipped: they take no input and stream until the client hangs up.
// `_def.procedures` is typed as the nested router record, but at run time it is flat: 'monitors.create' → procedure.
const trpcCases: FuzzCase[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>)
  .filter(([, procedure]) => procedure._def.type !== 'subscription')
  .map(([path, procedure]) => ({ label: `tRPC ${path}`, procedure: path, type: procedure._def.type }));
const restCases: FuzzCase[] = REST_ROUTES.map((route) => ({
  label: `REST ${route.method} ${route.path}`,
  procedure: route.procedure,
  type: route.type,
  restRoute: route,
}));
// Deletes run last, over both APIs, so the rows the others name still exist while they are fuzzed.
const cases = [...trpcCases, ...restCases].sort(
  (a, b) => Number(a.procedure.endsWith('.delete')) - Number(b.procedure.endsWith('.delete')),
);

interface Answer {
  status: number;
  text: string;
}

interface Finding {
  what: string;
  status: number;
  problem: string;
  answer: string;
}

/** What a client would read in an error answer: each message and field message (or the whole text if not JSON of ours). */
function errorText(answer: Answer): string {
  type ErrorShape = { message?: unknown; fieldErrors?: unknown; data?: { fieldErrors?: unknown } };
  type ErrorBody = ErrorShape & { error?: { json?: ErrorShape } };
  try {
    const body = JSON.parse(answer.text) as ErrorBody | ErrorBody[];
    // tRPC's `{ error: { json } }` (one per call of a batch), or REST's `{ code, message, fieldErrors }`.
    const errors = (Array.isArray(body) ? body : [body]).map(
      (item) => item.error?.json ?? (typeof item.message === 'string' ? item : undefined),
    );
    if (errors.every(Boolean))
      return errors
        .map((error) => `${String(error?.message)} ${JSON.stringify(error?.fieldErrors ?? error?.data?.fieldErrors ?? {})}`)
        .join('\n');
  } catch {
    // Not JSON: judge the whole text.
  }
  return answer.text;
}

function judge(what: string, answer: Answer): Finding | null {
  if (answer.status >= 500) return { what, status: answer.status, problem: 'server error', answer: answer.text.slice(0, 300) };
  if (answer.status < 400) return null;
  const leak = findLeak(errorText(answer));
  return leak ? { what, status: answer.status, problem: `internal text /${leak}/`, answer: answer.text.slice(0, 300) } : null;
}

function report(findings: Finding[]): string {
  const lines = findings
    .slice(0, 12)
    .map((finding) => `- ${finding.status} ${finding.problem}\n  input: ${finding.what}\n  answer: ${finding.answer}`);
  return `${findings.length} bad answers; replay with FUZZ_SEED=${RUN_SEED}\n${lines.join('\n')}`;
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL) await Promise.all(items.slice(start, start + PARALLEL).map(run));
}

describe(`every procedure under generated input (seed ${RUN_SEED})`, () => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  let server: LoopbackServer;
  let base: string;
  let valid: Record<string, readonly unknown[]>;
  let fixtures: FuzzFixtures;

  const request = async (method: string, path: string, body?: string, contentType = 'application/json'): Promise<Answer> => {
    const response = await fetch(`${base}${path.startsWith('/api/') ? path : `/trpc/${path}`}`, {
      method,
      body,
      headers: body === undefined || !contentType ? {} : { 'content-type': contentType },
    });
    return { status: response.status, text: await response.text() };
  };

  /** As the tRPC client sends it: superjson, queries by GET ?input=, mutations by POST. */
  const call = (path: string, type: ProcedureType, input: unknown): Promise<Answer> => {
    const encoded = JSON.stringify(superjson.serialize(input));
    return type === 'query' ? request('GET', `${path}?input=${encodeURIComponent(encoded)}`) : request('POST', path, encoded);
  };

  const create = async (path: string, input: unknown): Promise<string> => {
    const answer = await call(path, 'mutation', input);
    expect(answer.status, answer.text).toBe(200);
    return (JSON.parse(answer.text) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // The PostgreSQL queue backend keeps every job the run makes inside the test database, dropped afterwards.
    // Providers point at a loopback port nothing listens on: a test send fails at once and reaches nobody.
    const notify = testNotifySettings({ resendBaseUrl: 'http://127.0.0.1:1', telegramApiBaseUrl: 'http://127.0.0.1:1', timeoutMs: 500 });
    runtime = await openRuntime(testAppConfig(testDb.url, 'postgres', { notify }), createLogger('fuzz'));
    server = await listenOnLoopback(createServer({ runtime, logger: createLogger('fuzz'), logRequests: false }));
    base = server.base;
    const monitorId = await create('monitors.create', { name: 'Fixture', url: LOOPBACK_TARGETS.monitor, paused: true });
    fixtures = {
      monitorId,
      channelId: await create('channels.create', { name: 'Fixture hook', kind: 'webhook', config: { url: LOOPBACK_TARGETS.hook } }),
      windowId: await create('maintenanceWindows.create', {
        name: 'Fixture window',
        monitorId,
        schedule: { type: 'cron', expression: '0 3 * * *', durationMinutes: 30, timeZone: 'UTC' },
      }),
      statusPageId: await create('statusPages.create', {
        slug: 'fixture',
        title: 'Fixture page',
        groups: [{ name: 'All', monitorIds: [monitorId] }],
      }),
    };
    valid = validInputs(fixtures);
  });

  afterAll(async () => {
    await server?.close();
    await runtime?.close();
    await testDb?.drop();
  });

  it('fuzzes every query and mutation of the router, over tRPC and over REST', () => {
    expect(trpcCases.length).toBeGreaterThanOrEqual(45);
    expect(restCases.map((fuzzCase) => fuzzCase.procedure).sort()).toEqual(trpcCases.map((fuzzCase) => fuzzCase.procedure).sort());
  });

  /** One input, sent as the case's API carries it; the finding's label shows what was sent. */
  const send = async (fuzzCase: FuzzCase, input: unknown): Promise<[string, Answer]> => {
    if (!fuzzCase.restRoute) {
      const sent = `${fuzzCase.label} ${JSON.stringify(superjson.serialize(input)).slice(0, 300)}`;
      return [sent, await call(fuzzCase.procedure, fuzzCase.type, input)];
    }
    const rest = restRequestFor(fuzzCase.restRoute, input, fixtures);
    return [
      `${rest.method} ${rest.path.slice(0, 200)} ${rest.body?.slice(0, 300) ?? ''}`,
      await request(rest.method, rest.path, rest.body),
    ];
  };

  it.each(cases)(
    '$label: no 5xx and no internal text',
    async (fuzzCase) => {
      const random = seededRandom(seedFor(RUN_SEED, fuzzCase.label));
      const maxPieces = fuzzCase.type === 'query' ? 200 : 2_000;
      const inputs = fuzzInputs(random, valid[fuzzCase.procedure] ?? [], INPUTS_PER_PROCEDURE, maxPieces);
      const findings: Finding[] = [];
      await inBatches(inputs, async (input) => {
        const finding = judge(...(await send(fuzzCase, input)));
        if (finding) findings.push(finding);
      });
      expect(findings, report(findings)).toEqual([]);
    },
    90_000,
  );

  it.each([
    ['POST', 'monitors.create', 'not json', 400, 'The request body is not valid JSON'],
    ['GET', `results.list?input=${encodeURIComponent('{"json":')}`, undefined, 400, 'The input query parameter is not valid JSON'],
    [
      'POST',
      'monitors.create',
      '{"json":{"name":"a"},"meta":{"values":{"name":["bigint"]}}}',
      400,
      'The input could not be read as tRPC superjson',
    ],
    ['POST', 'monitors.create', '{"json":null}', 400, 'The input must be an object'],
    ['POST', 'monitors.create', '{"json":[1]}', 400, 'The input must be an object'],
    ['GET', 'monitors.nope', undefined, 404, 'No procedure named monitors.nope'],
    ['GET', 'monitors.create', undefined, 405, 'monitors.create is a mutation: call it with POST'],
    [
      'POST',
      'monitors.create',
      JSON.stringify({ json: { name: 'a'.repeat(300 * 1024) } }),
      413,
      'The request body is larger than this server accepts',
    ],
  ] as const)('%s %s → %i "%s"', async (method, path, body, status, message) => {
    const answer = await request(method, path, body);
    expect(answer.status).toBe(status);
    expect((JSON.parse(answer.text) as { error: { json: { message: string } } }).error.json.message).toBe(message);
  });

  it('answers malformed requests with a 4xx in our words', async () => {
    const findings: Finding[] = [];
    await inBatches([...RAW_REQUESTS, ...REST_RAW_REQUESTS], async (raw: RawRequest) => {
      const answer = await request(raw.method, raw.path, raw.body, raw.contentType);
      const finding =
        answer.status < 400
          ? { what: raw.label, status: answer.status, problem: 'accepted', answer: answer.text.slice(0, 300) }
          : judge(raw.label, answer);
      if (finding) findings.push(finding);
    });
    expect(findings, report(findings)).toEqual([]);
  });
});
