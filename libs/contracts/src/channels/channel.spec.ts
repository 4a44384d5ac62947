import { describe, expect, it } from 'vitest';
import { channelInputSchema, channelUpdateSchema } from './channel';

const issues = (input: unknown) => {
  const parsed = channelInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('channelInputSchema', () => {
  it('fills the settings in: enabled, not default, no fallback, no reminders, no system notices', () => {
    expect(
      channelInputSchema.parse({ name: 'Ops', kind: 'slack', config: { webhookUrl: 'https://hooks.slack.com/services/T/B/x' } }),
    ).toEqual({
      name: 'Ops',
      kind: 'slack',
      config: { webhookUrl: 'https://hooks.slack.com/services/T/B/x' },
      enabled: true,
      isDefault: false,
      fallbackChannelId: null,
      reminderIntervalMinutes: null,
      systemNotices: false,
    });
  });

  it('defaults a webhook to no signing secret and no extra headers', () => {
    const parsed = channelInputSchema.parse({ name: 'Hook', kind: 'webhook', config: { url: 'http://10.0.0.5/hook', secret: '' } });
    expect(parsed.config).toEqual({ url: 'http://10.0.0.5/hook', secret: null, headers: {} });
  });

  it.each([
    [{ kind: 'pager', config: {} }, 'kind', 'kind must be one of email, slack, discord, webhook, telegram, in-app'],
    [{ kind: 'slack', config: { webhookUrl: 'http://hooks.slack.com/x' } }, 'config.webhookUrl', 'webhookUrl must start with https://'],
    [
      { kind: 'discord', config: { webhookUrl: 'not a url' } },
      'config.webhookUrl',
      'webhookUrl must be a valid absolute URL such as https://example.com/hook',
    ],
    [{ kind: 'discord', config: {} }, 'config.webhookUrl', 'webhookUrl is required'],
    [
      { kind: 'email', config: { apiKey: 'k', from: 'ops@example.com', to: ['ops@example.com', 'nope'] } },
      'config.to.1',
      'to: "nope" is not an email address',
    ],
    [{ kind: 'email', config: { apiKey: 'k', from: 'ops@example.com', to: [] } }, 'config.to', 'to must list at least one email address'],
    [
      { kind: 'email', config: { apiKey: 'k', from: 'Ops <nope>', to: ['a@example.com'] } },
      'config.from',
      'from must be an email address or "Name <address>"',
    ],
    [{ kind: 'email', config: { apiKey: '  ', from: 'ops@example.com', to: ['a@example.com'] } }, 'config.apiKey', 'apiKey is required'],
    [{ kind: 'telegram', config: { botToken: '', chatId: '42' } }, 'config.botToken', 'botToken is required'],
    [
      { kind: 'telegram', config: { botToken: 'abc', chatId: '42' } },
      'config.botToken',
      'botToken must look like 123456789:AAH…, as BotFather gives it',
    ],
    [
      { kind: 'telegram', config: { botToken: '123:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', chatId: 'me' } },
      'config.chatId',
      'chatId must be a numeric chat id or @channelname',
    ],
    [{ kind: 'webhook', config: { url: 'ftp://x.example' } }, 'config.url', 'url must start with http:// or https://'],
    [{ kind: 'webhook', config: { url: 'https://x.example', secret: 'short' } }, 'config.secret', 'secret must be at least 16 characters'],
    [
      { kind: 'webhook', config: { url: 'https://x.example', headers: { 'bad name': 'x' } } },
      'config.headers',
      'headers: "bad name" is not a valid header name',
    ],
    [{ kind: 'in-app', config: {}, reminderIntervalMinutes: 0 }, 'reminderIntervalMinutes', 'reminderIntervalMinutes must be at least 1'],
    [{ kind: 'in-app', config: {}, fallbackChannelId: 'x' }, 'fallbackChannelId', 'fallbackChannelId must be a channel id (uuid)'],
  ])('rejects %j, naming %s', (input, path, message) => {
    expect(issues({ name: 'A', ...input })).toContainEqual({ path, message });
  });

  it('allows plain http to a loopback address (local testing) but not elsewhere for Slack and Discord', () => {
    expect(issues({ name: 'A', kind: 'slack', config: { webhookUrl: 'http://127.0.0.1:4000/services/x' } })).toEqual([]);
    expect(issues({ name: 'A', kind: 'slack', config: { webhookUrl: 'http://10.0.0.1/services/x' } })).toHaveLength(1);
  });

  it('accepts a masked secret (it means "keep the saved one")', () => {
    expect(issues({ name: 'A', kind: 'telegram', config: { botToken: '••••abcd', chatId: '@alerts_channel' } })).toEqual([]);
  });
});

describe('channelUpdateSchema', () => {
  it('is the whole form plus the id', () => {
    const parsed = channelUpdateSchema.safeParse({ id: 'x', name: 'A', kind: 'in-app', config: {} });
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe('id must be a channel id (uuid)');
  });
});
