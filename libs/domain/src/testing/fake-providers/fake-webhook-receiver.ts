import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../alerting/channels/webhook/webhook-signature';
import { startFakeProvider, retryAfterHeader, type FakeProvider, type RecordedRequest } from './fake-provider';

/** Someone's webhook endpoint; it checks the signature the way a receiver should. */
export async function startFakeWebhookReceiver(): Promise<
  FakeProvider & { url: string; signatureValid(request: RecordedRequest, secret: string): boolean }
> {
  const provider = await startFakeProvider({
    ok: () => ({ status: 200, body: JSON.stringify({ received: true }) }),
    error: (status, retryAfterSeconds) => ({
      status,
      headers: retryAfterHeader(retryAfterSeconds),
      body: JSON.stringify({ error: `receiver says ${status}` }),
    }),
  });
  return Object.assign(provider, {
    url: `${provider.baseUrl}/hooks/mini-netumo`,
    signatureValid(request: RecordedRequest, secret: string) {
      const signature = request.headers[SIGNATURE_HEADER];
      const timestamp = request.headers[TIMESTAMP_HEADER];
      return (
        typeof signature === 'string' && typeof timestamp === 'string' && verifyWebhookSignature(secret, timestamp, request.body, signature)
      );
    },
  });
}
