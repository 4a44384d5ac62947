import { inAppConfigSchema } from '@mini-netumo/contracts';
import type { ChannelDef } from '../channel-def';
import { testMessage } from '../template/alert-message';

/** The dashboard's notification centre: the alert becomes a stored, unread notification (and a live event). */
export const inAppChannel: ChannelDef<'in-app'> = {
  kind: 'in-app',
  configSchema: inAppConfigSchema,
  async send(message, _config, context) {
    const started = performance.now();
    await context.inbox.store({
      channelId: context.channelId,
      incidentId: message.incidentId,
      monitorId: message.monitor?.id ?? null,
      severity: message.severity,
      title: message.title,
      body: message.body,
      link: message.incidentId ? `/incidents/${message.incidentId}` : null,
      idempotencyKey: message.type === 'test' ? null : context.idempotencyKey,
    });
    return { ok: true, statusCode: null, durationMs: Math.round(performance.now() - started) };
  },
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
