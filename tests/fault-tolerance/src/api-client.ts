/** What the test reads of `GET /health`; `monitoring` is absent on a build without the watchdog. */
export interface HealthAnswer {
  status: number;
  ok: boolean;
  monitoring?: { ok: boolean; overdue: number; threshold: number };
}

/** What the test reads of a monitor in `monitors.list`; `stale` is absent on a build without staleness. */
export interface ListedMonitor {
  id: string;
  status: string;
  stale?: { since: string; reason: string } | null;
}

/** The api as the dashboard calls it: tRPC over plain HTTP with the superjson envelope `{ json }`. */
export interface ApiClient {
  createMonitor(input: Record<string, unknown>): Promise<{ id: string }>;
  listMonitors(): Promise<ListedMonitor[]>;
  health(): Promise<HealthAnswer>;
}

export function apiClient(baseUrl: string, timeoutMs = 10_000): ApiClient {
  const call = async <T>(procedure: string, init: RequestInit): Promise<T> => {
    const response = await fetch(`${baseUrl}/trpc/${procedure}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
    return body.result.data.json;
  };
  return {
    createMonitor: (input) =>
      call('monitors.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
      }),
    listMonitors: () => call('monitors.list', { method: 'GET' }),
    async health() {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await response.json()) as Omit<HealthAnswer, 'status'>;
      return { status: response.status, ok: body.ok, monitoring: body.monitoring };
    },
  };
}
