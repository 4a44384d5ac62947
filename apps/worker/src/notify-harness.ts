import type { ChannelInput, LiveEvent, Monitor } from '@mini-netumo/contracts';
import { createCaller, createContextInner } from '@mini-netumo/api';
import { createLogger, domainContext, openRuntime, type DomainContext, type Runtime } from '@mini-netumo/domain';
import {
  captureLogs,
  createTestDatabase,
  startFakeDiscord,
  startFakeResend,
  startFakeSlack,
  startFakeTelegram,
  startFakeWebhookReceiver,
  startTargetServer,
  testAppConfig,
  testNotifySettings,
  waitFor,
  type TargetServer,
  type TestDatabase,
} from '@mini-netumo/domain/testing';
import { startWorker } from './start-worker';

export const SECRETS = {
  resendKey: 're_harnessResendKeySecret',
  telegramToken: '987654321:AAHharnessTelegramTokenSecret',
  webhookSecret: 'harness-webhook-signing-secret',
  headerToken: 'Bearer harness-header-token',
};

/**
 * Everything a notification test needs, for real: PostgreSQL, a queue backend, the worker with its notify
 * processor, the tRPC caller, a fake of every provider, and a copy of everything logged.
 */
export async function startNotifyHarness(backend: 'redis' | 'postgres') {
  const logs = captureLogs();
  const testDb: TestDatabase = await createTestDatabase();
  const [resend, slack, discord, telegram, receiver] = await Promise.all([
    startFakeResend(),
    startFakeSlack(),
    startFakeDiscord(),
    startFakeTelegram(),
    startFakeWebhookReceiver(),
  ]);
  const logger = createLogger('test');
  const config = testAppConfig(testDb.url, backend, {
    notify: testNotifySettings({ resendBaseUrl: resend.baseUrl, telegramApiBaseUrl: telegram.baseUrl }),
  });
  const runtime: Runtime = await openRuntime(config, logger);
  const events: LiveEvent[] = [];
  await runtime.events.subscribe((event) => events.push(event));
  await startWorker({ runtime, logger, config });
  const caller = createCaller(createContextInner({ runtime, logger }));
  const ctx: DomainContext = domainContext(runtime, logger);
  const targets: TargetServer[] = [];

  /** Channel settings per kind, pointing at the fakes. */
  const channelInputs = {
    email: { kind: 'email', config: { apiKey: SECRETS.resendKey, from: 'Monitor <alerts@example.com>', to: ['ops@example.com'] } },
    slack: { kind: 'slack', config: { webhookUrl: slack.webhookUrl } },
    discord: { kind: 'discord', config: { webhookUrl: discord.webhookUrl } },
    telegram: { kind: 'telegram', config: { botToken: SECRETS.telegramToken, chatId: '-100123' } },
    webhook: {
      kind: 'webhook',
      config: { url: receiver.url, secret: SECRETS.webhookSecret, headers: { authorization: SECRETS.headerToken } },
    },
    'in-app': { kind: 'in-app', config: {} },
  } as const satisfies Record<string, Omit<ChannelInput, 'name'>>;

  const createChannel = (kind: keyof typeof channelInputs, extra: Partial<ChannelInput> = {}) =>
    caller.channels.create({ name: `${kind} ${Math.random().toString(36).slice(2, 7)}`, ...channelInputs[kind], ...extra } as ChannelInput);

  /** A monitor on its own target: down after one failed check, no confirming re-checks, rarely scheduled. */
  async function createMonitor(channelIds?: string[]): Promise<{ monitor: Monitor; target: TargetServer }> {
    const target = await startTargetServer();
    targets.push(target);
    const monitor = await caller.monitors.create({
      name: `Site ${targets.length}`,
      url: target.url,
      intervalSeconds: 3_600,
      failureThreshold: 1,
      retries: 0,
      channelIds,
    });
    await waitFor('first verdict', async () => (await caller.monitors.get({ id: monitor.id })).status === 'up');
    return { monitor, target };
  }

  /** Makes the target answer `status` and waits for a check to turn the monitor to `expected`. */
  async function checkUntil(monitorId: string, target: TargetServer, status: number, expected: 'up' | 'down') {
    target.answer(status);
    const before = (await caller.results.recent({ monitorId, limit: 1 }))[0]?.id ?? 0;
    await caller.monitors.checkNow({ id: monitorId });
    await waitFor(`monitor ${expected}`, async () => {
      const [last] = await caller.results.recent({ monitorId, limit: 1 });
      return (last?.id ?? 0) > before && (await caller.monitors.get({ id: monitorId })).status === expected;
    });
  }

  const openIncident = async (monitorId: string) => {
    const [incident] = await caller.incidents.list({ monitorId, limit: 1 });
    if (!incident) throw new Error(`no incident for monitor ${monitorId}`);
    return incident;
  };

  /** Webhook payloads about one monitor, in the order received. */
  const webhookEvents = (monitorId: string) =>
    receiver.requests
      .map((request) => request.json as { event: string; monitor: { id: string } | null; body: string })
      .filter((payload) => payload?.monitor?.id === monitorId);

  return {
    runtime,
    caller,
    ctx,
    events,
    logs,
    fakes: { resend, slack, discord, telegram, receiver },
    createChannel,
    createMonitor,
    checkUntil,
    openIncident,
    webhookEvents,
    async close() {
      logs.stop();
      await runtime.close();
      await Promise.all([resend, slack, discord, telegram, receiver, ...targets].map((each) => each.close()));
      await testDb.drop();
    },
  };
}

export type NotifyHarness = Awaited<ReturnType<typeof startNotifyHarness>>;
