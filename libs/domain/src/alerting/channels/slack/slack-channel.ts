import { slackConfigSchema } from '@mini-netumo/contracts';
import type { ChannelDef } from '../channel-def';
import { postJson } from '../http/post-json';
import { SEVERITY_EMOJI, testMessage, type AlertMessage } from '../template/alert-message';

/** Slack's mrkdwn treats these three as control characters. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A Block Kit message: header, body, a field grid and a button to the incident; `text` is the push preview. */
export function toSlackPayload(message: AlertMessage) {
  const title = `${SEVERITY_EMOJI[message.severity]} ${message.title}`;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(escape(message.body), 3_000) } },
  ];
  if (message.fields.length > 0) {
    blocks.push({
      type: 'section',
      fields: message.fields
        .slice(0, 10)
        .map((field) => ({ type: 'mrkdwn', text: clip(`*${escape(field.label)}*\n${escape(field.value)}`, 2_000) })),
    });
  }
  if (message.link) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: message.link }],
    });
  }
  return { text: clip(`${title}: ${message.body}`, 3_000), blocks };
}

export const slackChannel: ChannelDef<'slack'> = {
  kind: 'slack',
  configSchema: slackConfigSchema,
  send: (message, config, context) =>
    postJson(config.webhookUrl, JSON.stringify(toSlackPayload(message)), { timeoutMs: context.timeoutMs }),
  sendTest(config, context) {
    return this.send(testMessage(context.publicUrl), config, context);
  },
};
