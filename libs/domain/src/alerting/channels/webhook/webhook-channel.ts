import { webhookConfigSchema } from '@mini-netumo/contracts';
import type { ChannelDef } from '../channel-def';
import { postJson } from '../http/post-json';
import { testMessage, type AlertMessage } from '../template/alert-message';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature';

const EVENT_NAMES: Record<AlertMessage['type'], string> = {
  opened: 'incident.opened',
  resolved: 'incident.resolved',
  reminder: 'incident.reminder',
  flapping: 'monitor.flapping',
  settled: 'monitor.settled',
  acknowledged: 'incident.acknowledged',
  test: 'test',
  'monitoring.degraded': 'monitoring.degraded',
  'monitoring.recovered': 'monitoring.recovered',
};

/** The JSON a receiver gets: the message as words and as references it can act on. */
export function toWebhookPayload(message: AlertMessage) {
  return {
    event: EVENT_NAMES[message.type],
    severity: message.severity,
    title: message.title,
    body: message.body,
    fields: message.fields,
    link: message.link,
    incidentId: message.incidentId,
    monitor: message.monitor,
    occurredAt: message.occurredAt.toISOString(),
  };
}

export const webhookChannel: ChannelDef<'webhook'> = {
  kind: 'webhook',
  configSchema: webhookConfigSchema,
  send(message, config, context) {
    const body = JSON.stringify(toWebhookPayload(message));
    const timestamp = String(Math.floor(Date.now() / 1_000));
    // Ours come last: a custom header cannot forge the signature or the idempotency key.
    const headers: Record<string, string> = {
      ...config.headers,
      'content-type': 'application/json',
      'x-mini-netumo-event': EVENT_NAMES[message.type],
      'idempotency-key': context.idempotencyKey,
      [TIMESTAMP_HEADER]: timestamp,
      ...(config.secret ? { [SIGNATURE_HEADER]: signWebhook(config.secret, timestamp, body) } : {}),
    };
    return postJson(config.url, body, { timeoutMs: context.timeoutMs, headers });
  },
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
