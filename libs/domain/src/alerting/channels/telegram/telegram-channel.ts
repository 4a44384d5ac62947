import { telegramConfigSchema } from '@mini-netumo/contracts';
import type { ChannelDef } from '../channel-def';
import { postJson } from '../http/post-json';
import { SEVERITY_EMOJI, testMessage, type AlertMessage } from '../template/alert-message';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Telegram's HTML mode: bold title, body, one line per field, the link last. At most 4096 characters. */
export function toTelegramText(message: AlertMessage): string {
  const lines = [
    `${SEVERITY_EMOJI[message.severity]} <b>${escape(message.title)}</b>`,
    escape(message.body),
    '',
    ...message.fields.map((field) => `<b>${escape(field.label)}:</b> ${escape(field.value)}`),
    ...(message.link ? ['', `<a href="${escape(message.link)}">Open incident</a>`] : []),
  ];
  const text = lines.join('\n');
  return text.length > 4_096 ? `${text.slice(0, 4_095)}…` : text;
}

/** Telegram's 429 body carries `parameters.retry_after` in seconds. */
function retryAfterFromBody(body: string): number | null {
  try {
    const seconds = (JSON.parse(body) as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
    return typeof seconds === 'number' ? seconds * 1_000 : null;
  } catch {
    return null;
  }
}

export const telegramChannel: ChannelDef<'telegram'> = {
  kind: 'telegram',
  configSchema: telegramConfigSchema,
  send(message, config, context) {
    // The token is part of the path; postJson never puts the URL in an error, and delivery redacts anyway.
    const url = `${context.telegramApiBaseUrl}/bot${config.botToken}/sendMessage`;
    const body = JSON.stringify({
      chat_id: config.chatId,
      text: toTelegramText(message),
      parse_mode: 'HTML',
      disable_web_page_preview: true,
    });
    return postJson(url, body, { timeoutMs: context.timeoutMs, retryAfterFromBody });
  },
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
