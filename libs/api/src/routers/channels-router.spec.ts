import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelSchema, channelTestResultSchema, type ChannelInput } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

const INBOX: ChannelInput = { name: 'Inbox', kind: 'in-app', config: {} };
/** Port 9 on loopback refuses at once: a send through it fails without leaving the machine. */
const HOOK = {
  name: 'Hook',
  kind: 'webhook',
  config: { url: 'http://127.0.0.1:9/hook', secret: 'a-webhook-secret-0123', headers: { 'X-Key': 'header-token-abcd' } },
} as const satisfies ChannelInput;

describe('channels.create, list, get', () => {
  it('creates a channel with its defaults, secrets masked in every answer', async () => {
    const inbox = expectContractShape(channelSchema, await api.caller.channels.create(INBOX));
    expect(inbox).toMatchObject({
      kind: 'in-app',
      config: {},
      enabled: true,
      isDefault: false,
      fallbackChannelId: null,
      reminderIntervalMinutes: null,
      lastDelivery: null,
    });
    const hook = expectContractShape(channelSchema, await api.caller.channels.create(HOOK));
    expect(hook.config).toEqual({ url: 'http://127.0.0.1:9/hook', secret: '••••0123', headers: { 'X-Key': '••••abcd' } });
    expect(await api.caller.channels.get({ id: hook.id })).toEqual(hook);
    const listed = expectContractShape(z.array(channelSchema), await api.caller.channels.list());
    expect(listed.filter((channel) => [inbox.id, hook.id].includes(channel.id))).toHaveLength(2);
  });

  it('refuses bad settings by field, and a masked secret with nothing saved behind it', async () => {
    expect((await clientError(api.caller.channels.create({ ...HOOK, config: { url: 'ftp://127.0.0.1/' } }))).fieldErrors).toEqual({
      'config.url': 'url must start with http:// or https://',
    });
    expect((await clientError(api.caller.channels.create({ ...INBOX, kind: 'sms' } as never))).fieldErrors).toEqual({
      kind: 'kind must be one of email, slack, discord, webhook, telegram, in-app',
    });
    expect(await clientError(api.caller.channels.create({ ...HOOK, config: { ...HOOK.config, secret: '••••0123' } }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'config.secret: enter the value (•••• only keeps a value already saved)',
      fieldErrors: { 'config.secret': 'config.secret: enter the value (•••• only keeps a value already saved)' },
    });
    const maskedHeader = { ...HOOK.config, headers: { 'X-Key': '••••abcd' } };
    expect((await clientError(api.caller.channels.create({ ...HOOK, config: maskedHeader }))).fieldErrors).toEqual({
      'config.headers.X-Key': 'config.headers.X-Key: enter the value (•••• only keeps a value already saved)',
    });
  });
});

describe('channels.update and delete', () => {
  it('replaces the settings, keeping a secret sent back masked; the kind never changes', async () => {
    const hook = await api.caller.channels.create(HOOK);
    const updated = await api.caller.channels.update({
      ...HOOK,
      id: hook.id,
      name: 'Renamed',
      config: hook.config as typeof HOOK.config,
      reminderIntervalMinutes: 30,
    });
    expect(expectContractShape(channelSchema, updated)).toMatchObject({
      name: 'Renamed',
      reminderIntervalMinutes: 30,
      config: hook.config,
    });
    expect(await clientError(api.caller.channels.update({ ...INBOX, id: hook.id }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'kind: a webhook channel cannot become in-app; create a new channel',
      fieldErrors: { kind: 'kind: a webhook channel cannot become in-app; create a new channel' },
    });
  });

  it('checks the fallback, and refuses to delete a channel another falls back to (CONFLICT)', async () => {
    const inbox = await api.caller.channels.create(INBOX);
    const hook = await api.caller.channels.create(HOOK);
    // The domain's refusals carry fieldErrors keyed as the contract's own are.
    expect(await clientError(api.caller.channels.update({ ...HOOK, id: hook.id, fallbackChannelId: hook.id }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'fallbackChannelId: a channel cannot be its own fallback',
      fieldErrors: { fallbackChannelId: 'fallbackChannelId: a channel cannot be its own fallback' },
    });
    expect(await clientError(api.caller.channels.create({ ...HOOK, fallbackChannelId: UNKNOWN_ID }))).toEqual({
      code: 'BAD_REQUEST',
      message: `fallbackChannelId: channel ${UNKNOWN_ID} does not exist`,
      fieldErrors: { fallbackChannelId: `fallbackChannelId: channel ${UNKNOWN_ID} does not exist` },
    });
    await api.caller.channels.update({ ...HOOK, id: hook.id, fallbackChannelId: inbox.id });
    expect(await clientError(api.caller.channels.delete({ id: inbox.id }))).toEqual({
      code: 'CONFLICT',
      message: 'channel "Inbox" is the fallback of "Hook"; choose another fallback there first',
      fieldErrors: undefined,
    });
  });

  it('delete names the monitors it detaches', async () => {
    const inbox = await api.caller.channels.create(INBOX);
    const monitor = await api.caller.monitors.create({
      name: 'Alerting',
      url: 'http://127.0.0.1:9/',
      paused: true,
      channelIds: [inbox.id],
    });
    expect(await api.caller.channels.delete({ id: inbox.id })).toEqual({
      id: inbox.id,
      detachedMonitors: [{ id: monitor.id, name: 'Alerting' }],
    });
    expect((await api.caller.monitors.get({ id: monitor.id })).channelIds).toEqual([]);
    expect(await clientError(api.caller.channels.get({ id: inbox.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('channels.test and testDraft', () => {
  it('sends a test through a saved channel, and through unsaved settings', async () => {
    const inbox = await api.caller.channels.create(INBOX);
    expect(expectContractShape(channelTestResultSchema, await api.caller.channels.test({ id: inbox.id }))).toMatchObject({
      ok: true,
      statusCode: null,
      error: null,
    });
    const refused = expectContractShape(channelTestResultSchema, await api.caller.channels.testDraft(HOOK));
    expect(refused).toMatchObject({ ok: false, statusCode: null });
    expect(refused.error).toMatch(/refused|ECONNREFUSED/i);
  });

  it('takes masked secrets of a draft from the saved channel of the same kind only', async () => {
    const inbox = await api.caller.channels.create(INBOX);
    expect(await clientError(api.caller.channels.testDraft({ ...HOOK, id: inbox.id }))).toEqual({
      code: 'BAD_REQUEST',
      message: `kind: channel ${inbox.id} is in-app, not webhook`,
      fieldErrors: { kind: `kind: channel ${inbox.id} is in-app, not webhook` },
    });
  });
});

it.each(['get', 'delete', 'test'] as const)('channels.%s answers NOT_FOUND for an unknown channel', async (procedure) => {
  expect(await clientError(api.caller.channels[procedure]({ id: UNKNOWN_ID }))).toEqual({
    code: 'NOT_FOUND',
    message: `channel ${UNKNOWN_ID} not found`,
    fieldErrors: undefined,
  });
});

it('channels.update and testDraft answer NOT_FOUND for an unknown channel', async () => {
  expect(await clientError(api.caller.channels.update({ ...INBOX, id: UNKNOWN_ID }))).toMatchObject({ code: 'NOT_FOUND' });
  expect(await clientError(api.caller.channels.testDraft({ ...INBOX, id: UNKNOWN_ID }))).toMatchObject({ code: 'NOT_FOUND' });
});
