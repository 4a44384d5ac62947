import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or null. */
  json: unknown;
}

/** What the fake does instead of succeeding: an HTTP error (optionally 429 with Retry-After), or no answer at all. */
export type Trouble = { status: number; retryAfterSeconds?: number } | 'hang';

export interface ProviderAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** How one provider answers: success, and its own error body format. */
export interface ProviderStyle {
  ok(request: RecordedRequest, index: number): ProviderAnswer;
  error(status: number, retryAfterSeconds: number | undefined): ProviderAnswer;
}

export interface FakeProvider {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  /** Every request received, troubled ones included, in order. */
  requests: RecordedRequest[];
  /** The next `times` requests get this trouble; without `times`, every request until `succeed()`. */
  fail(trouble: Trouble, times?: number): void;
  succeed(): void;
  close(): Promise<void>;
}

/** A local stand-in for a notification provider that records what it got and can be told to misbehave. */
export async function startFakeProvider(style: ProviderStyle): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  let trouble: { what: Trouble; left: number } | null = null;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(request);
      const current = trouble;
      if (current) {
        current.left -= 1;
        if (current.left <= 0) trouble = null;
        if (current.what === 'hang') return; // keep the socket open and say nothing
        return reply(res, style.error(current.what.status, current.what.retryAfterSeconds));
      }
      reply(res, style.ok(request, requests.length));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    fail(what, times = Number.POSITIVE_INFINITY) {
      trouble = { what, left: times };
    },
    succeed() {
      trouble = null;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: ServerResponse, answer: ProviderAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** The Retry-After header, when the trouble asked for one. */
export const retryAfterHeader = (seconds: number | undefined): Record<string, string> =>
  seconds === undefined ? {} : { 'retry-after': String(seconds) };
