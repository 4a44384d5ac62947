import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { statusCodeMatches, type BodyAssertion, type CheckErrorKind, type CheckTimings } from '@mini-netumo/contracts';
import { classifyRequestError } from '../net/classify-error';
import type { TargetGuard } from '../net/target-guard';
import { checkBodyAssertion } from './body-assertion';
import { readBoundedBody } from './read-bounded-body';
import { connectionTimings, createTimedConnector } from './timed-connector';

export interface HttpCheckConfig {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  expectedStatusCodes: string;
  bodyAssertion: BodyAssertion | null;
  maxBodyBytes: number;
  followRedirects: boolean;
  maxRedirects: number;
  ignoreTlsErrors: boolean;
}

/** What the worker supplies around a monitor's config. */
export interface HttpCheckDeps {
  /** Refuses the addresses it blocks, on every hop; null or absent: any address may be reached. */
  targetGuard?: TargetGuard | null;
}

/** A failed probe is data, not an exception: `runHttpCheck` never throws for anything the target does. */
export interface HttpCheckOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  timings: CheckTimings;
  errorKind: CheckErrorKind | null;
  errorMessage: string | null;
}

class CheckFailure extends Error {
  constructor(
    readonly kind: CheckErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const USER_AGENT = 'mini-netumo/0.1 (uptime monitor)';

/**
 * What a check's own agent is destroyed with once the check is over. One shared error, never shown: undici builds
 * a new error for every socket it closes otherwise (a "reset" after each answer with pipelining off, a
 * ClientDestroyedError on close), and Node reads each one's stack, which with source maps on cost the worker
 * about a tenth of its CPU at 1,500 checks/s in the profile.
 */
const CHECK_OVER = new Error('check over');

/**
 * One probe over a fresh connection (a re-check must not ride a connection that may be the problem).
 * The whole check, redirects and body included, is bounded by `timeoutMs`.
 */
export async function runHttpCheck(config: HttpCheckConfig, deps: HttpCheckDeps = {}): Promise<HttpCheckOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(config.timeoutMs);
  const { connector, clock } = createTimedConnector({
    rejectUnauthorized: !config.ignoreTlsErrors,
    timeoutMs: config.timeoutMs,
    targetGuard: deps.targetGuard,
  });
  // Its own agent, so its own connection; destroyed when the check is over.
  const agent = new Agent({ connect: connector, connections: 1 });
  let statusCode: number | null = null;
  let firstByteMs: number | null = null;
  const timings = (): CheckTimings => ({ ...connectionTimings(clock), firstByteMs, totalMs: elapsed() });

  try {
    const response = await followRedirects(config, agent, signal, (hopStarted) => {
      firstByteMs = Math.round(performance.now() - hopStarted);
    });
    statusCode = response.statusCode;
    if (!statusCodeMatches(config.expectedStatusCodes, response.statusCode)) {
      await response.body.dump().catch(() => undefined);
      throw new CheckFailure('status', `HTTP ${response.statusCode}, expected ${config.expectedStatusCodes}`);
    }
    const body = await readBoundedBody(response.body, config.maxBodyBytes);
    if (body === null) throw new CheckFailure('body_too_large', `body larger than ${config.maxBodyBytes} bytes`);
    const failure = checkBodyAssertion(config.bodyAssertion, body);
    if (failure) throw new CheckFailure(failure.kind, failure.message);
    return { ok: true, statusCode, latencyMs: elapsed(), timings: timings(), errorKind: null, errorMessage: null };
  } catch (error) {
    const { kind, message } =
      error instanceof CheckFailure ? { kind: error.kind, message: error.message } : classifyRequestError(error, config.timeoutMs);
    return { ok: false, statusCode, latencyMs: elapsed(), timings: timings(), errorKind: kind, errorMessage: message };
  } finally {
    // Destroyed, not closed, even after a clean answer: nothing is pending then, and a slowloris would keep close() waiting.
    agent.destroy(CHECK_OVER).catch(() => undefined);
  }
}

/** Follows redirects by hand so a loop and an over-long chain are reported as what they are. */
async function followRedirects(
  config: HttpCheckConfig,
  agent: Agent,
  signal: AbortSignal,
  onHeaders: (hopStarted: number) => void,
): Promise<Dispatcher.ResponseData> {
  let url = config.url;
  let method = config.method;
  let body = config.body;
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    visited.add(url);
    const hopStarted = performance.now();
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: { 'user-agent': USER_AGENT, ...config.headers },
      body: body ?? undefined,
      dispatcher: agent,
      signal,
    });
    onHeaders(hopStarted);
    const location = response.headers['location'];
    const isRedirect = response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string';
    if (!isRedirect || !config.followRedirects) return response;
    await response.body.dump().catch(() => undefined);
    const next = new URL(location, url).toString();
    if (visited.has(next)) throw new CheckFailure('redirects', `redirect loop: ${next} was already visited`);
    if (hop + 1 > config.maxRedirects) throw new CheckFailure('redirects', `more than ${config.maxRedirects} redirects`);
    // 303 always, and 301/302 after POST in practice, continue as GET without a body (RFC 9110 §15.4).
    if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
      method = 'GET';
      body = null;
    }
    url = next;
  }
}
