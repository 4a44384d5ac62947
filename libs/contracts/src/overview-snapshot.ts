import { z } from 'zod';
import { monitorStatusSchema } from './monitor';
import { monitorKindSchema } from './monitor-kinds/monitor-kinds';
import type { BucketState, MonitorSummary } from './stats';

/** One character per hourly cell of a monitor's 24 h bar. */
export const SPARK_STATE_CODES: Readonly<Record<BucketState, string>> = { up: 'u', down: 'd', unknown: 'x', maintenance: 'm', none: '.' };
const STATE_CODES = SPARK_STATE_CODES;
const STATE_OF_CODE = new Map(Object.entries(STATE_CODES).map(([state, code]) => [code, state as BucketState]));
export const OVERVIEW_HOURS = 24;
const HOUR_MS = 3_600_000;

const percentColumn = z.array(z.number().min(0).max(100).nullable());
/** OVERVIEW_HOURS fields, each a whole number of milliseconds or empty. */
const LATENCIES = new RegExp(`^\\d*(,\\d*){${OVERVIEW_HOURS - 1}}$`);
const msColumn = z.array(z.number().int().nullable());

/**
 * The overview of the whole fleet as columns: one array per field and one entry per monitor, in the same order;
 * times as epoch milliseconds; each monitor's 24 hourly cells as a string of state codes and 24 latencies in one
 * flat array. At 10,000 monitors the array of row objects it replaces was 30 MB of JSON, most of it superjson's
 * metadata for the date of every cell; this is about 1 % of that once compressed.
 */
export const overviewSnapshotSchema = z.object({
  /** Start of the first hourly cell; cell i starts i hours later, and the last is the current hour. */
  firstHourMs: z.number().int(),
  monitorId: z.array(z.uuid()),
  name: z.array(z.string()),
  kind: z.array(monitorKindSchema),
  target: z.array(z.string()),
  status: z.array(monitorStatusSchema),
  staleSinceMs: msColumn,
  staleReason: z.array(z.string().nullable()),
  /** The last check's error, so a failing row says why without the monitor's whole configuration. */
  lastError: z.array(z.string().nullable()),
  lastLatencyMs: msColumn,
  lastCheckedAtMs: msColumn,
  uptime24h: percentColumn,
  uptime7d: percentColumn,
  uptime30d: percentColumn,
  /** OVERVIEW_HOURS state codes per monitor. */
  sparkStates: z.array(z.string().regex(/^[udxm.]{24}$/)),
  /**
   * Per monitor, its hours' average latencies as one text (see encodeLatencies): they only title the cells on screen,
   * so the browser splits the text of a row it draws, not 240,000 numbers of a fleet of 10,000 on arrival.
   */
  sparkLatencies: z.array(z.string().regex(LATENCIES)),
});
export type OverviewSnapshot = z.infer<typeof overviewSnapshotSchema>;

/**
 * How the snapshot travels: its columns as one JSON text. superjson walks every value it sends, which took 180 ms
 * for the 400,000 values of 10,000 monitors (none of them a date); a single string it passes straight through.
 */
export const overviewWireSchema = z.object({ columns: z.string() });
export type OverviewWire = z.infer<typeof overviewWireSchema>;

/**
 * Where a browser opening the overview fetches the snapshot without an input, so the request can start from the page
 * shell's `Link: rel=preload` header, while the bundle is still loading, and the dashboard's first fetch of that same
 * address is answered from it. The api sends the header and the dashboard fetches this address: one string for both.
 */
export const OVERVIEW_PRELOAD_PATH = '/trpc/stats.overview';

export const toOverviewWire = (snapshot: OverviewSnapshot): OverviewWire => ({ columns: JSON.stringify(snapshot) });
/** The server validated the snapshot against overviewSnapshotSchema before sending it. */
export const fromOverviewWire = (wire: OverviewWire): OverviewSnapshot => JSON.parse(wire.columns) as OverviewSnapshot;

/** Rows to columns: every row's bar must start at `firstHourMs` and have OVERVIEW_HOURS cells. */
export function encodeOverview(rows: readonly MonitorSummary[], firstHourMs: number): OverviewSnapshot {
  const time = (date: Date | null) => date?.getTime() ?? null;
  return {
    firstHourMs,
    monitorId: rows.map((row) => row.monitorId),
    name: rows.map((row) => row.name),
    kind: rows.map((row) => row.kind),
    target: rows.map((row) => row.target),
    status: rows.map((row) => row.status),
    staleSinceMs: rows.map((row) => time(row.stale?.since ?? null)),
    staleReason: rows.map((row) => row.stale?.reason ?? null),
    lastError: rows.map((row) => row.lastError),
    lastLatencyMs: rows.map((row) => row.lastLatencyMs),
    lastCheckedAtMs: rows.map((row) => time(row.lastCheckedAt)),
    uptime24h: rows.map((row) => row.uptime24h),
    uptime7d: rows.map((row) => row.uptime7d),
    uptime30d: rows.map((row) => row.uptime30d),
    sparkStates: rows.map((row) => row.sparkline24h.map((point) => STATE_CODES[point.state]).join('')),
    sparkLatencies: rows.map((row) => encodeLatencies(row.sparkline24h.map((point) => point.avgLatencyMs))),
  };
}

/** Columns back to rows, as `encodeOverview` took them. */
export function decodeOverview(snapshot: OverviewSnapshot): MonitorSummary[] {
  const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));
  return snapshot.monitorId.map((monitorId, i) => {
    const staleSince = date(snapshot.staleSinceMs[i]);
    const states = snapshot.sparkStates[i] ?? '';
    const latencies = decodeLatencies(snapshot.sparkLatencies[i] ?? '');
    return {
      monitorId,
      name: snapshot.name[i] ?? '',
      kind: snapshot.kind[i] ?? 'http',
      target: snapshot.target[i] ?? '',
      status: snapshot.status[i] ?? 'pending',
      stale: staleSince ? { since: staleSince, reason: snapshot.staleReason[i] ?? '' } : null,
      lastError: snapshot.lastError[i] ?? null,
      lastLatencyMs: snapshot.lastLatencyMs[i] ?? null,
      lastCheckedAt: date(snapshot.lastCheckedAtMs[i]),
      uptime24h: snapshot.uptime24h[i] ?? null,
      uptime7d: snapshot.uptime7d[i] ?? null,
      uptime30d: snapshot.uptime30d[i] ?? null,
      sparkline24h: Array.from({ length: OVERVIEW_HOURS }, (_, hour) => ({
        bucketStart: new Date(snapshot.firstHourMs + hour * HOUR_MS),
        state: STATE_OF_CODE.get(states[hour] ?? '.') ?? 'none',
        avgLatencyMs: latencies[hour] ?? null,
      })),
    };
  });
}

/** Latencies as `120,98,,…`: whole milliseconds, empty for none. */
export const encodeLatencies = (latencies: readonly (number | null)[]): string =>
  latencies.map((ms) => (ms === null ? '' : String(ms))).join(',');

export const decodeLatencies = (text: string): (number | null)[] => text.split(',').map((field) => (field === '' ? null : Number(field)));
