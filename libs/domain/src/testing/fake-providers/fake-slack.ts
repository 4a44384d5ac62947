import { startFakeProvider, retryAfterHeader, type FakeProvider } from './fake-provider';

/** A Slack incoming webhook: "ok" on success, a short error word otherwise. */
export async function startFakeSlack(): Promise<FakeProvider & { webhookUrl: string }> {
  const provider = await startFakeProvider({
    ok: () => ({ status: 200, body: 'ok', headers: { 'content-type': 'text/plain' } }),
    error: (status, retryAfterSeconds) => ({
      status,
      headers: { 'content-type': 'text/plain', ...retryAfterHeader(retryAfterSeconds) },
      body: status === 429 ? 'rate_limited' : status === 404 ? 'no_service' : 'internal_error',
    }),
  });
  return Object.assign(provider, { webhookUrl: `${provider.baseUrl}/services/T0FAKE/B0FAKE/slackSecretToken1234` });
}
