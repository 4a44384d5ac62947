import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { monitors } from './monitors';

/** A public status page, served at `/status/<slug>` on the public listener. */
export const statusPages = pgTable(
  'status_pages',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    showTargets: boolean('show_targets').notNull().default(false),
    /** The groups' names in page order; a monitor row names its group by index, so an empty group keeps its place. */
    groupNames: text('group_names').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('status_pages_slug_idx').on(table.slug)],
);

/**
 * The monitors a page shows. A row per monitor and page (so deleting a monitor takes it off every page), which is
 * also what makes its badges public: a monitor on no page has none.
 */
export const statusPageMonitors = pgTable(
  'status_page_monitors',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => statusPages.id, { onDelete: 'cascade' }),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitors.id, { onDelete: 'cascade' }),
    groupIndex: integer('group_index').notNull(),
    position: integer('position').notNull(),
    /** The name the world sees; the monitor's own name when null. */
    displayName: text('display_name'),
  },
  (table) => [primaryKey({ columns: [table.pageId, table.monitorId] }), index('status_page_monitors_monitor_idx').on(table.monitorId)],
);

export type StatusPageRow = typeof statusPages.$inferSelect;
export type StatusPageMonitorRow = typeof statusPageMonitors.$inferSelect;
