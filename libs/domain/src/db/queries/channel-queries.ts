import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DeliveryStatus } from '@mini-netumo/contracts';
import type { Executor } from '../executor';
import { alertDeliveries, channels, monitorChannels, monitors, type ChannelRow } from '../schema';

export async function findChannel(db: Executor, id: string): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id));
  return row;
}

export function listChannelRows(db: Executor): Promise<ChannelRow[]> {
  return db.select().from(channels).orderBy(asc(channels.name), asc(channels.createdAt));
}

/** The enabled channels that asked for notices about monitoring itself. */
export function enabledSystemChannels(db: Executor): Promise<ChannelRow[]> {
  return db
    .select()
    .from(channels)
    .where(and(eq(channels.enabled, true), eq(channels.systemNotices, true)))
    .orderBy(asc(channels.name));
}

/** The channels a monitor's alerts go to right now: linked and enabled. */
export function enabledChannelsOfMonitor(db: Executor, monitorId: string): Promise<ChannelRow[]> {
  return db
    .select({ channel: channels })
    .from(monitorChannels)
    .innerJoin(channels, eq(channels.id, monitorChannels.channelId))
    .where(and(eq(monitorChannels.monitorId, monitorId), eq(channels.enabled, true)))
    .orderBy(asc(channels.name))
    .then((rows) => rows.map((row) => row.channel));
}

export async function existingChannelIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: channels.id }).from(channels).where(inArray(channels.id, ids));
  return new Set(rows.map((row) => row.id));
}

export async function defaultChannelIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: channels.id }).from(channels).where(eq(channels.isDefault, true));
  return rows.map((row) => row.id);
}

export async function channelIdsOfMonitor(db: Executor, monitorId: string): Promise<string[]> {
  const rows = await db
    .select({ id: monitorChannels.channelId })
    .from(monitorChannels)
    .where(eq(monitorChannels.monitorId, monitorId))
    .orderBy(asc(monitorChannels.channelId));
  return rows.map((row) => row.id);
}

/** Replaces a monitor's channel list. */
export async function replaceMonitorChannels(db: Executor, monitorId: string, channelIds: string[]): Promise<void> {
  await db.delete(monitorChannels).where(eq(monitorChannels.monitorId, monitorId));
  if (channelIds.length > 0) {
    await db
      .insert(monitorChannels)
      .values(channelIds.map((channelId) => ({ monitorId, channelId })))
      .onConflictDoNothing();
  }
}

export interface LastDelivery {
  status: DeliveryStatus;
  at: Date;
  error: string | null;
}

/** The latest delivery per channel, for the channel list's "last delivery" column. */
export async function lastDeliveryPerChannel(db: Executor): Promise<Map<string, LastDelivery>> {
  const rows = await db
    .selectDistinctOn([alertDeliveries.channelId], {
      channelId: alertDeliveries.channelId,
      status: alertDeliveries.status,
      at: alertDeliveries.updatedAt,
      error: alertDeliveries.lastError,
    })
    .from(alertDeliveries)
    .orderBy(alertDeliveries.channelId, desc(alertDeliveries.createdAt));
  return new Map(
    rows.map((row) => [row.channelId, { status: row.status, at: row.at, error: row.status === 'delivered' ? null : row.error }]),
  );
}

export interface NamedRef {
  id: string;
  name: string;
}

/** The channels that fall back to this one when they give up. */
export function channelsFallingBackTo(db: Executor, channelId: string): Promise<NamedRef[]> {
  return db
    .select({ id: channels.id, name: channels.name })
    .from(channels)
    .where(eq(channels.fallbackChannelId, channelId))
    .orderBy(asc(channels.name));
}

/** The monitors whose alerts go to this channel. */
export function monitorsAlerting(db: Executor, channelId: string): Promise<NamedRef[]> {
  return db
    .select({ id: monitors.id, name: monitors.name })
    .from(monitorChannels)
    .innerJoin(monitors, eq(monitors.id, monitorChannels.monitorId))
    .where(eq(monitorChannels.channelId, channelId))
    .orderBy(asc(monitors.name));
}
