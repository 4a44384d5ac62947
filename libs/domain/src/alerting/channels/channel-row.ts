import type { Channel } from '@mini-netumo/contracts';
import type { LastDelivery } from '../../db/queries/channel-queries';
import type { ChannelRow } from '../../db/schema';
import { maskChannelConfig } from './channel-secrets';

/** The API shape of a channel: secrets masked, never the stored values. */
export function toChannel(row: ChannelRow, lastDelivery: LastDelivery | null): Channel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    config: maskChannelConfig(row.kind, row.config),
    enabled: row.enabled,
    isDefault: row.isDefault,
    fallbackChannelId: row.fallbackChannelId,
    reminderIntervalMinutes: row.reminderIntervalMinutes,
    systemNotices: row.systemNotices,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastDelivery,
  } as Channel;
}
