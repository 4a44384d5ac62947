import { startFakeProvider, retryAfterHeader, type FakeProvider } from './fake-provider';

/** Resend's POST /emails: `{ id }` on success, `{ statusCode, message, name }` on error; replays by Idempotency-Key. */
export async function startFakeResend(): Promise<FakeProvider & { emailsAccepted(): number }> {
  const sent = new Map<string, string>();
  const provider = await startFakeProvider({
    ok(request, index) {
      const key = String(request.headers['idempotency-key'] ?? `none-${index}`);
      const id = sent.get(key) ?? `email_${index}`;
      sent.set(key, id);
      return { status: 200, body: JSON.stringify({ id }) };
    },
    error(status, retryAfterSeconds) {
      const name = status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_api_key' : 'internal_server_error';
      return {
        status,
        headers: retryAfterHeader(retryAfterSeconds),
        body: JSON.stringify({ statusCode: status, message: `fake resend says ${status}`, name }),
      };
    },
  });
  return Object.assign(provider, { emailsAccepted: () => sent.size });
}
