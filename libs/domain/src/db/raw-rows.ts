import { getTableColumns, type Table } from 'drizzle-orm';
import { incidents, monitors, type IncidentRow, type MonitorRow } from './schema';

/**
 * Rows read with postgres.js directly (the hot path) into the shapes Drizzle would give, mapped by the
 * table's own column list (`getTableColumns`), so a new column needs no second spelling here. Drizzle sets
 * this client to return timestamps as strings, hence the conversion of its `date` columns.
 */
export type RawRow = Record<string, unknown>;

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));

/** A mapper from a raw row (SQL column names) to the table's select type (property names, Dates). */
function rowMapper<T extends Table>(table: T): (raw: RawRow) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    isDate: column.dataType === 'date',
  }));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, isDate } of columns) row[key] = isDate ? date(raw[name]) : (raw[name] ?? null);
    return row as T['$inferSelect'];
  };
}

export const toMonitorRow: (raw: RawRow) => MonitorRow = rowMapper(monitors);
export const toIncidentRow: (raw: RawRow) => IncidentRow = rowMapper(incidents);
