import { startFakeProvider, retryAfterHeader, type FakeProvider } from './fake-provider';

/** A Discord webhook: 204 on success; a 429 says how long to wait in the header and as `retry_after` in the body. */
export async function startFakeDiscord(): Promise<FakeProvider & { webhookUrl: string }> {
  const provider = await startFakeProvider({
    ok: () => ({ status: 204 }),
    error: (status, retryAfterSeconds) => ({
      status,
      headers: retryAfterHeader(retryAfterSeconds),
      body: JSON.stringify(
        status === 429
          ? { message: 'You are being rate limited.', retry_after: retryAfterSeconds ?? 1, global: false }
          : { message: 'fake discord error', code: 0 },
      ),
    }),
  });
  return Object.assign(provider, { webhookUrl: `${provider.baseUrl}/api/webhooks/123456/discordSecretToken5678` });
}
