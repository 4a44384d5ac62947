import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { monitors } from './monitors';

/** Planned work during which incidents do not notify; monitor_id null means every monitor. */
export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    monitorId: uuid('monitor_id').references(() => monitors.id, { onDelete: 'cascade' }),
    /** A MaintenanceSchedule; its dates are ISO text in jsonb (maintenance-window-service turns them back). */
    schedule: jsonb('schedule').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('maintenance_windows_monitor_idx').on(table.monitorId)],
);

export type MaintenanceWindowRow = typeof maintenanceWindows.$inferSelect;
