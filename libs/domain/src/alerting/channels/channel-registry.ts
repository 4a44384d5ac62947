import type { ChannelConfig, ChannelKind } from '@mini-netumo/contracts';
import type { ChannelDef, SendContext, SendOutcome } from './channel-def';
import { discordChannel } from './discord/discord-channel';
import { emailChannel } from './email/email-channel';
import { inAppChannel } from './in-app/in-app-channel';
import { slackChannel } from './slack/slack-channel';
import { telegramChannel } from './telegram/telegram-channel';
import type { AlertMessage } from './template/alert-message';
import { webhookChannel } from './webhook/webhook-channel';

/** Every channel plugin by kind; a kind without its plugin is a compile error. */
export const CHANNEL_REGISTRY: { [K in ChannelKind]: ChannelDef<K> } = {
  email: emailChannel,
  slack: slackChannel,
  discord: discordChannel,
  webhook: webhookChannel,
  telegram: telegramChannel,
  'in-app': inAppChannel,
};

/**
 * Sends through the plugin of `kind`. The config is re-parsed by the plugin's own schema (a row saved by an
 * older version may lack a newer default), and a plugin that throws becomes a failed outcome, not a crash.
 */
export async function sendThrough(
  kind: ChannelKind,
  config: unknown,
  message: AlertMessage | 'test',
  context: SendContext & { publicUrl: string },
): Promise<SendOutcome> {
  const channel = CHANNEL_REGISTRY[kind] as ChannelDef;
  const parsed = channel.configSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    return {
      ok: false,
      statusCode: null,
      error: `stored config is invalid: ${problems}`,
      retryAfterMs: null,
      permanent: true,
      durationMs: 0,
    };
  }
  try {
    return message === 'test'
      ? await channel.sendTest(parsed.data as ChannelConfig, context)
      : await channel.send(message, parsed.data as ChannelConfig, context);
  } catch (error) {
    return {
      ok: false,
      statusCode: null,
      error: error instanceof Error ? error.message : String(error),
      retryAfterMs: null,
      permanent: false,
      durationMs: 0,
    };
  }
}
