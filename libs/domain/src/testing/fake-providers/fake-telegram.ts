import { startFakeProvider, retryAfterHeader, type FakeProvider } from './fake-provider';

/** The Bot API's sendMessage: `{ ok: true, result }`, or `{ ok: false, error_code, description, parameters }`. */
export async function startFakeTelegram(): Promise<FakeProvider> {
  return startFakeProvider({
    ok: (_request, index) => ({ status: 200, body: JSON.stringify({ ok: true, result: { message_id: index } }) }),
    error: (status, retryAfterSeconds) => ({
      status,
      headers: retryAfterHeader(retryAfterSeconds),
      body: JSON.stringify({
        ok: false,
        error_code: status,
        description: status === 429 ? `Too Many Requests: retry after ${retryAfterSeconds ?? 1}` : 'fake telegram error',
        ...(status === 429 ? { parameters: { retry_after: retryAfterSeconds ?? 1 } } : {}),
      }),
    }),
  });
}
