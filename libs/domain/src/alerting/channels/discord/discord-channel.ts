import { discordConfigSchema, type NotificationSeverity } from '@mini-netumo/contracts';
import type { ChannelDef } from '../channel-def';
import { postJson } from '../http/post-json';
import { testMessage, type AlertMessage } from '../template/alert-message';

const COLOURS: Record<NotificationSeverity, number> = { critical: 0xd93f3f, warning: 0xf0a020, ok: 0x2fa84f, info: 0x3b82f6 };
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One embed, within Discord's limits (title 256, description 4096, field value 1024, 25 fields). */
export function toDiscordPayload(message: AlertMessage) {
  return {
    username: 'mini-netumo',
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: clip(message.title, 256),
        description: clip(message.body, 4_096),
        ...(message.link ? { url: message.link } : {}),
        color: COLOURS[message.severity],
        fields: message.fields
          .slice(0, 25)
          .map((field) => ({ name: clip(field.label, 256), value: clip(field.value, 1_024), inline: true })),
        timestamp: message.occurredAt.toISOString(),
      },
    ],
  };
}

/** Discord's 429 body says how long to wait, in seconds, as `retry_after`. */
function retryAfterFromBody(body: string): number | null {
  try {
    const seconds = (JSON.parse(body) as { retry_after?: unknown }).retry_after;
    return typeof seconds === 'number' ? Math.round(seconds * 1_000) : null;
  } catch {
    return null;
  }
}

export const discordChannel: ChannelDef<'discord'> = {
  kind: 'discord',
  configSchema: discordConfigSchema,
  send: (message, config, context) =>
    postJson(config.webhookUrl, JSON.stringify(toDiscordPayload(message)), { timeoutMs: context.timeoutMs, retryAfterFromBody }),
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
