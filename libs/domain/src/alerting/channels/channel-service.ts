import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Channel, ChannelDeleted, ChannelDraft, ChannelKind, ChannelSettings, ChannelTestResult } from '@mini-netumo/contracts';
import type { Db } from '../../db/client';
import {
  channelsFallingBackTo,
  findChannel,
  lastDeliveryPerChannel,
  listChannelRows,
  monitorsAlerting,
} from '../../db/queries/channel-queries';
import { channels, type ChannelRow } from '../../db/schema';
import type { DomainContext } from '../../runtime/domain-context';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { createInbox } from '../inbox/inbox';
import { sendThrough } from './channel-registry';
import { toChannel } from './channel-row';
import { redactSecrets, restoreMaskedSecrets, secretValuesOf } from './channel-secrets';

export async function listChannels(ctx: DomainContext): Promise<Channel[]> {
  const [rows, last] = await Promise.all([listChannelRows(ctx.db), lastDeliveryPerChannel(ctx.db)]);
  return rows.map((row) => toChannel(row, last.get(row.id) ?? null));
}

export async function getChannel(ctx: DomainContext, id: string): Promise<Channel> {
  const row = await requireChannel(ctx.db, id);
  return toChannel(row, (await lastDeliveryPerChannel(ctx.db)).get(id) ?? null);
}

export async function createChannel(ctx: DomainContext, input: ChannelSettings): Promise<Channel> {
  const config = restoreMaskedSecrets(input.kind, input.config, null);
  await checkFallback(ctx.db, null, input.fallbackChannelId);
  const [row] = await withoutParams(
    ctx.db
      .insert(channels)
      .values({ ...input, config })
      .returning(),
  );
  if (!row) throw new Error('insert returned no channel');
  return toChannel(row, null);
}

/** Replaces the settings; secrets sent back masked keep their saved values. The kind never changes. */
export async function updateChannel(ctx: DomainContext, input: ChannelSettings & { id: string }): Promise<Channel> {
  const current = await requireChannel(ctx.db, input.id);
  if (current.kind !== input.kind)
    throw ValidationError.at(['kind'], `kind: a ${current.kind} channel cannot become ${input.kind}; create a new channel`);
  const config = restoreMaskedSecrets(input.kind, input.config, current.config);
  await checkFallback(ctx.db, input.id, input.fallbackChannelId);
  const { id, ...settings } = input;
  const [row] = await withoutParams(
    ctx.db
      .update(channels)
      .set({ ...settings, config, updatedAt: new Date() })
      .where(eq(channels.id, id))
      .returning(),
  );
  if (!row) throw new NotFoundError('channel', id);
  return getChannel(ctx, row.id);
}

/**
 * Refused (CONFLICT, naming them) while other channels fall back to it: deleting it would quietly take their
 * safety net away, so the user picks another fallback first. Monitors that alert it just stop (named in the
 * answer); its deliveries, dead letters included, go with it.
 */
export async function deleteChannel(ctx: DomainContext, id: string): Promise<ChannelDeleted> {
  return ctx.db.transaction(async (tx) => {
    // Locked, so no channel can choose it as fallback between the check and the delete.
    const [row] = await tx.select().from(channels).where(eq(channels.id, id)).for('update');
    if (!row) throw new NotFoundError('channel', id);
    const dependants = await channelsFallingBackTo(tx, id);
    if (dependants.length > 0) {
      const names = dependants.map((channel) => `"${channel.name}"`).join(', ');
      throw new ConflictError(`channel "${row.name}" is the fallback of ${names}; choose another fallback there first`);
    }
    const detachedMonitors = await monitorsAlerting(tx, id);
    await tx.delete(channels).where(eq(channels.id, id));
    return { id, detachedMonitors };
  });
}

/** Sends a test message through a saved channel, right now, and says what happened. */
export async function testChannel(ctx: DomainContext, id: string): Promise<ChannelTestResult> {
  const row = await requireChannel(ctx.db, id);
  return sendTest(ctx, row.kind, row.config);
}

/** Sends a test message with settings not saved yet (masked secrets are taken from the saved channel `id`). */
export async function testChannelDraft(ctx: DomainContext, draft: ChannelDraft): Promise<ChannelTestResult> {
  const saved = draft.id ? await requireChannel(ctx.db, draft.id) : null;
  if (saved && saved.kind !== draft.kind)
    throw ValidationError.at(['kind'], `kind: channel ${saved.id} is ${saved.kind}, not ${draft.kind}`);
  return sendTest(ctx, draft.kind, restoreMaskedSecrets(draft.kind, draft.config, saved?.config ?? null));
}

async function sendTest(ctx: DomainContext, kind: ChannelKind, config: Record<string, unknown>): Promise<ChannelTestResult> {
  const settings = ctx.settings.notify;
  const outcome = await sendThrough(kind, config, 'test', {
    timeoutMs: settings.timeoutMs,
    idempotencyKey: `test-${randomUUID()}`,
    channelId: null,
    resendBaseUrl: settings.resendBaseUrl,
    telegramApiBaseUrl: settings.telegramApiBaseUrl,
    publicUrl: settings.publicUrl,
    inbox: createInbox(ctx),
  });
  return {
    ok: outcome.ok,
    statusCode: outcome.statusCode,
    error: outcome.ok ? null : redactSecrets(outcome.error, secretValuesOf(kind, config)),
    durationMs: outcome.durationMs,
  };
}

/**
 * Drizzle's query errors quote every parameter, and a channel's parameters are its secrets: a failed write
 * is reported (and logged by the api) with the database's own message only.
 */
async function withoutParams<T>(query: PromiseLike<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'database error';
    throw new Error(`saving the channel failed: ${cause}`);
  }
}

async function requireChannel(db: Db, id: string): Promise<ChannelRow> {
  const row = await findChannel(db, id);
  if (!row) throw new NotFoundError('channel', id);
  return row;
}

async function checkFallback(db: Db, id: string | null, fallbackId: string | null): Promise<void> {
  if (!fallbackId) return;
  if (fallbackId === id) throw ValidationError.at(['fallbackChannelId'], 'fallbackChannelId: a channel cannot be its own fallback');
  if (!(await findChannel(db, fallbackId)))
    throw ValidationError.at(['fallbackChannelId'], `fallbackChannelId: channel ${fallbackId} does not exist`);
}
