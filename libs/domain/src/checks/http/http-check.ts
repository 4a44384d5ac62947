import { performance } from 'node:perf_hooks';
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { statusCodeMatches, type CheckErrorKind } from '@mini-netumo/contracts';
import { classifyRequestError } from './classify-error';

export interface HttpCheckConfig {
  url: string;
  timeoutMs: number;
  expectedStatusCodes: string;
}

/** A failed probe is data, not an exception: `run` never throws for anything the target does. */
export interface HttpCheckOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  errorKind: CheckErrorKind | null;
  errorMessage: string | null;
}

/** Body bytes read before we stop: enough to keep the connection honest, bounded against huge answers. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

let sharedDispatcher: Dispatcher | undefined;
function dispatcher(): Dispatcher {
  sharedDispatcher ??= new Agent({ connections: 16, pipelining: 0 }).compose(
    interceptors.redirect({ maxRedirections: MAX_REDIRECTS }),
  );
  return sharedDispatcher;
}

export async function runHttpCheck(config: HttpCheckConfig): Promise<HttpCheckOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(config.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await request(config.url, {
      method: 'GET',
      dispatcher: dispatcher(),
      signal,
      headers: { 'user-agent': 'mini-netumo/0.1 (+https://github.com/mini-netumo)' },
    });
    await drainBody(response.body);
    const latencyMs = elapsed();
    if (!statusCodeMatches(config.expectedStatusCodes, response.statusCode)) {
      return {
        ok: false,
        statusCode: response.statusCode,
        latencyMs,
        errorKind: 'status',
        errorMessage: `HTTP ${response.statusCode}, expected ${config.expectedStatusCodes}`,
      };
    }
    return { ok: true, statusCode: response.statusCode, latencyMs, errorKind: null, errorMessage: null };
  } catch (error) {
    const { kind, message } = classifyRequestError(error, config.timeoutMs);
    return { ok: false, statusCode: null, latencyMs: elapsed(), errorKind: kind, errorMessage: message };
  }
}

/** Reads (and discards) at most MAX_BODY_BYTES so the timing covers the whole answer. */
async function drainBody(body: Dispatcher.ResponseData['body']): Promise<void> {
  let read = 0;
  for await (const chunk of body) {
    read += (chunk as Buffer).length;
    if (read >= MAX_BODY_BYTES) {
      body.destroy();
      return;
    }
  }
}
