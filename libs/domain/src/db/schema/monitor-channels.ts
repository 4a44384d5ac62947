import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels';
import { monitors } from './monitors';

/** Which channels a monitor's alerts go to. */
export const monitorChannels = pgTable(
  'monitor_channels',
  {
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.monitorId, table.channelId] }), index('monitor_channels_channel_idx').on(table.channelId)],
);
