import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { monitors } from './monitors';

/**
 * A monitor that is flapping: one notice went out (on `incidentId`) and further up/down notices are held
 * until the sweep finds it settled, then the row goes.
 */
export const flappingHolds = pgTable('flapping_holds', {
  monitorId: uuid('monitor_id')
    .primaryKey()
    .references(() => monitors.id, { onDelete: 'cascade' }),
  since: timestamp('since', { withTimezone: true }).notNull(),
  incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
});

export type FlappingHoldRow = typeof flappingHolds.$inferSelect;
