import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelKind } from '@mini-netumo/contracts';
import {
  startFakeDiscord,
  startFakeResend,
  startFakeSlack,
  startFakeTelegram,
  startFakeWebhookReceiver,
  type FakeProvider,
} from '../../testing/fake-providers';
import type { InboxEntry } from '../inbox/inbox';
import type { SendContext } from './channel-def';
import { sendThrough } from './channel-registry';
import { buildAlertMessage } from './template/alert-message';

const TELEGRAM_TOKEN = '123456789:AAHfakeTelegramTokenSecretValue';
const RESEND_KEY = 're_fakeResendApiKeySecret';
const WEBHOOK_SECRET = 'webhook-signing-secret-0123456789';

const message = buildAlertMessage({
  type: 'opened',
  incident: {
    id: '5b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e',
    kind: 'down',
    openedAt: new Date('2026-11-25T10:00:00Z'),
    resolvedAt: null,
    cause: 'HTTP 500, expected 200-299',
  },
  monitor: {
    id: '6b3f0c39-3c53-4b7e-9a55-6a1f0f1f4d0e',
    name: 'Shop <prod>',
    kind: 'http',
    target: 'https://shop.example',
    status: 'down',
  },
  at: new Date('2026-11-25T10:00:00Z'),
  publicUrl: 'http://127.0.0.1:3000',
});

interface Case {
  kind: Exclude<ChannelKind, 'in-app'>;
  fake: FakeProvider;
  config: Record<string, unknown>;
  secrets: string[];
}

/** Every HTTP channel against its local fake: what it sends, and how it reads each kind of trouble. */
describe('channels against their providers', () => {
  const cases: Case[] = [];
  const inbox: InboxEntry[] = [];
  const context = (): SendContext & { publicUrl: string } => ({
    timeoutMs: 500,
    idempotencyKey: 'event-1.channel-1',
    channelId: null,
    resendBaseUrl: cases.find((c) => c.kind === 'email')?.fake.baseUrl,
    telegramApiBaseUrl: cases.find((c) => c.kind === 'telegram')?.fake.baseUrl ?? '',
    publicUrl: 'http://127.0.0.1:3000',
    inbox: { store: async (entry) => void inbox.push(entry) },
  });

  beforeAll(async () => {
    const [resend, slack, discord, telegram, receiver] = await Promise.all([
      startFakeResend(),
      startFakeSlack(),
      startFakeDiscord(),
      startFakeTelegram(),
      startFakeWebhookReceiver(),
    ]);
    cases.push(
      {
        kind: 'email',
        fake: resend,
        config: { apiKey: RESEND_KEY, from: 'Monitor <alerts@example.com>', to: ['ops@example.com'] },
        secrets: [RESEND_KEY],
      },
      { kind: 'slack', fake: slack, config: { webhookUrl: slack.webhookUrl }, secrets: [slack.webhookUrl] },
      { kind: 'discord', fake: discord, config: { webhookUrl: discord.webhookUrl }, secrets: [discord.webhookUrl] },
      { kind: 'telegram', fake: telegram, config: { botToken: TELEGRAM_TOKEN, chatId: '-100123' }, secrets: [TELEGRAM_TOKEN] },
      {
        kind: 'webhook',
        fake: receiver,
        config: { url: receiver.url, secret: WEBHOOK_SECRET, headers: { authorization: 'Bearer header-secret' } },
        secrets: [WEBHOOK_SECRET, 'header-secret'],
      },
    );
  });

  afterAll(async () => {
    await Promise.all(cases.map((each) => each.fake.close()));
  });

  const each = (kind: Case['kind']) => {
    const found = cases.find((c) => c.kind === kind);
    if (!found) throw new Error(`no case for ${kind}`);
    found.fake.succeed();
    return found;
  };
  const kinds = ['email', 'slack', 'discord', 'telegram', 'webhook'] as const;

  it.each(kinds)('%s: delivers', async (kind) => {
    const { fake, config } = each(kind);
    const before = fake.requests.length;
    const outcome = await sendThrough(kind, config, message, context());
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.requests.length).toBe(before + 1);
  });

  it.each(kinds)('%s: a 500 is worth a retry and says what the provider said', async (kind) => {
    const { fake, config } = each(kind);
    fake.fail({ status: 500 }, 1);
    const outcome = await sendThrough(kind, config, message, context());
    expect(outcome).toMatchObject({ ok: false, statusCode: 500, permanent: false, retryAfterMs: null });
  });

  it.each(kinds)('%s: a 429 with Retry-After gives the wait', async (kind) => {
    const { fake, config } = each(kind);
    fake.fail({ status: 429, retryAfterSeconds: 2 }, 1);
    const outcome = await sendThrough(kind, config, message, context());
    expect(outcome).toMatchObject({ ok: false, statusCode: 429, permanent: false, retryAfterMs: 2_000 });
  });

  it.each(kinds)('%s: a 401 is permanent', async (kind) => {
    const { fake, config } = each(kind);
    fake.fail({ status: 401 }, 1);
    expect(await sendThrough(kind, config, message, context())).toMatchObject({ ok: false, statusCode: 401, permanent: true });
  });

  it.each(kinds)('%s: a provider that hangs is cut off at the timeout', async (kind) => {
    const { fake, config } = each(kind);
    fake.fail('hang', 1);
    const started = Date.now();
    const outcome = await sendThrough(kind, config, message, context());
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: 'no answer within 500 ms', permanent: false });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each(kinds)('%s: no error ever carries a secret', async (kind) => {
    const { fake, config, secrets } = each(kind);
    for (const trouble of [{ status: 500 }, { status: 404 }, 'hang'] as const) {
      fake.fail(trouble, 1);
      const outcome = await sendThrough(kind, config, message, context());
      for (const secret of secrets) expect(JSON.stringify(outcome)).not.toContain(secret);
    }
  });

  it('email: Resend gets the sender, recipients, subject, the API key and the idempotency key', async () => {
    const { fake } = each('email');
    await sendThrough('email', each('email').config, message, context());
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: '/emails' });
    expect(request?.headers.authorization).toBe(`Bearer ${RESEND_KEY}`);
    expect(request?.headers['idempotency-key']).toBe('event-1.channel-1');
    expect(request?.json).toMatchObject({
      from: 'Monitor <alerts@example.com>',
      to: ['ops@example.com'],
      subject: '🔴 Shop <prod> is DOWN',
    });
    expect((request?.json as { html: string }).html).toContain('Shop &lt;prod&gt; is DOWN');
  });

  it('slack: a Block Kit message with a header, the cause and a link button', async () => {
    const { fake, config } = each('slack');
    await sendThrough('slack', config, message, context());
    const blocks = (fake.requests.at(-1)?.json as { blocks: { type: string }[] }).blocks;
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'actions']);
    expect(JSON.stringify(blocks)).toContain('Shop &lt;prod&gt;');
    expect(fake.requests.at(-1)?.path).toBe('/services/T0FAKE/B0FAKE/slackSecretToken1234');
  });

  it('discord: one red embed with fields and the incident link', async () => {
    const { fake, config } = each('discord');
    await sendThrough('discord', config, message, context());
    const [embed] = (fake.requests.at(-1)?.json as { embeds: Record<string, unknown>[] }).embeds;
    expect(embed).toMatchObject({
      title: 'Shop <prod> is DOWN',
      color: 0xd93f3f,
      url: `http://127.0.0.1:3000/incidents/${message.incidentId}`,
    });
  });

  it('telegram: sendMessage to the chat, in escaped HTML', async () => {
    const { fake, config } = each('telegram');
    await sendThrough('telegram', config, message, context());
    const request = fake.requests.at(-1);
    expect(request?.path).toBe(`/bot${TELEGRAM_TOKEN}/sendMessage`);
    expect(request?.json).toMatchObject({ chat_id: '-100123', parse_mode: 'HTML' });
    expect((request?.json as { text: string }).text).toContain('<b>Shop &lt;prod&gt; is DOWN</b>');
  });

  it('webhook: JSON the receiver can verify with the shared secret, custom headers kept', async () => {
    const { fake, config } = each('webhook');
    await sendThrough('webhook', config, message, context());
    const request = fake.requests.at(-1);
    if (!request) throw new Error('no request');
    expect(request.json).toMatchObject({ event: 'incident.opened', severity: 'critical', incidentId: message.incidentId });
    expect(request.headers.authorization).toBe('Bearer header-secret');
    expect(request.headers['idempotency-key']).toBe('event-1.channel-1');
    const receiver = fake as Awaited<ReturnType<typeof startFakeWebhookReceiver>>;
    expect(receiver.signatureValid(request, WEBHOOK_SECRET)).toBe(true);
    expect(receiver.signatureValid({ ...request, body: request.body.replace('DOWN', 'UP') }, WEBHOOK_SECRET)).toBe(false);
    expect(receiver.signatureValid(request, 'another-secret-0123456789')).toBe(false);
  });

  it('in-app: stores an unread notification with the incident link', async () => {
    const outcome = await sendThrough('in-app', {}, message, context());
    expect(outcome.ok).toBe(true);
    expect(inbox.at(-1)).toMatchObject({
      severity: 'critical',
      title: 'Shop <prod> is DOWN',
      link: `/incidents/${message.incidentId}`,
      idempotencyKey: 'event-1.channel-1',
    });
  });

  it('refuses a stored config its schema rejects, permanently, without calling anyone', async () => {
    expect(await sendThrough('slack', { webhookUrl: 'ftp://nope' }, message, context())).toMatchObject({ ok: false, permanent: true });
  });
});
