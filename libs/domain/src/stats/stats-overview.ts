import { DAY_MS, HOUR_MS, OVERVIEW_HOURS, SPARK_STATE_CODES, encodeLatencies, type OverviewSnapshot } from '@mini-netumo/contracts';
import { listMonitorSummaryRows } from '../db/queries/monitor-queries';
import { targetOf } from '../checks/monitor-kinds';
import type { Counts } from '../db/rollup-counts';
import type { DailyDigest, HourCell, HourlyDigest } from '../db/queries/summary-reads';
import { dayBucket, hourBucket } from '../evaluation/rollup-increment';
import { addCounts, bucketState, uptimePercent } from '../evaluation/uptime';
import type { DomainContext } from '../runtime/domain-context';
import { stalenessOf } from '../monitor-model/staleness';
import { dailyDigestParts, hourlyDigestParts, type HourlyParts } from './summary-digests';

/** The first of the 24 hourly cells of the overview's bars; the last is the hour of `now`. */
export function overviewFirstHour(now: Date): Date {
  return new Date(hourBucket(now).getTime() - (OVERVIEW_HOURS - 1) * HOUR_MS);
}

/**
 * The overview for every monitor, built straight into columns (see overviewSnapshotSchema), in at most five
 * queries (monitors; hourly and daily digests, each as a cached settled part plus a live edge) whatever the fleet
 * size: PostgreSQL aggregates, so the api handles one row per monitor per query. No object or date per bar cell,
 * and the settled hours of each bar are drawn once per window, not per call: at 10,000 monitors building rows
 * first cost more than the queries, and merging the settled and live digests per call cost a third of the rest.
 */
export async function statsOverview(ctx: DomainContext, now = new Date()): Promise<OverviewSnapshot> {
  const { db } = ctx;
  const firstHour = overviewFirstHour(now);
  const monthStart = new Date(dayBucket(now).getTime() - 29 * DAY_MS);
  const weekStart = new Date(dayBucket(now).getTime() - 6 * DAY_MS);
  const [monitors, hourly, daily] = await Promise.all([
    listMonitorSummaryRows(db),
    hourlyDigestParts(db, firstHour, now),
    dailyDigestParts(db, weekStart, monthStart, now),
  ]);
  const settledHours = drawnSettledHours(hourly);
  const noSettledHours = drawHours([], 0, hourly.liveFromHour);
  const liveHours = byMonitor(hourly.live);
  const settledDays = settledDaysByMonitor(daily.settled);
  const liveDays = byMonitor(daily.live);

  const snapshot: OverviewSnapshot = {
    firstHourMs: firstHour.getTime(),
    monitorId: [],
    name: [],
    kind: [],
    target: [],
    status: [],
    staleSinceMs: [],
    staleReason: [],
    lastError: [],
    lastLatencyMs: [],
    lastCheckedAtMs: [],
    uptime24h: [],
    uptime7d: [],
    uptime30d: [],
    sparkStates: [],
    sparkLatencies: [],
  };
  for (const monitor of monitors) {
    const settled = settledHours.get(monitor.id);
    const live = liveHours.get(monitor.id);
    const [settledDay, liveDay] = [settledDays.get(monitor.id), liveDays.get(monitor.id)];
    const stale = stalenessOf(monitor, now);
    snapshot.monitorId.push(monitor.id);
    snapshot.name.push(monitor.name);
    snapshot.kind.push(monitor.kind);
    snapshot.target.push(targetOf(monitor));
    snapshot.status.push(monitor.status);
    snapshot.staleSinceMs.push(stale?.since.getTime() ?? null);
    snapshot.staleReason.push(stale?.reason ?? null);
    snapshot.lastError.push(monitor.lastError);
    snapshot.lastLatencyMs.push(monitor.lastLatencyMs);
    snapshot.lastCheckedAtMs.push(monitor.lastCheckedAt?.getTime() ?? null);
    snapshot.uptime24h.push(uptimeOf(settled?.counts, live));
    snapshot.uptime7d.push(uptimeOf(settledDay?.week, liveDay?.week));
    snapshot.uptime30d.push(uptimeOf(settledDay?.month, liveDay?.month));
    const tail = drawHours(live?.cells ?? [], hourly.liveFromHour, OVERVIEW_HOURS);
    const head = settled ?? noSettledHours;
    snapshot.sparkStates.push(head.states + tail.states);
    snapshot.sparkLatencies.push(joinFields(head.latencies, tail.latencies, hourly.liveFromHour));
  }
  return snapshot;
}

/** Some of a bar's hourly cells, drawn: a state code per hour and the latencies as encodeLatencies writes them. */
interface DrawnHours {
  counts: Counts;
  states: string;
  latencies: string;
}

/** Hours `from` to `to` (exclusive) of a bar; an hour with no checks is `none` (never up). */
function drawHours(cells: readonly HourCell[], from: number, to: number): Omit<DrawnHours, 'counts'> {
  const states = Array<string>(Math.max(0, to - from)).fill(SPARK_STATE_CODES.none);
  const latencies = Array<number | null>(states.length).fill(null);
  for (const cell of cells) {
    if (cell.hour < from || cell.hour >= to) continue;
    states[cell.hour - from] = SPARK_STATE_CODES[bucketState(cell)];
    latencies[cell.hour - from] = cell.avgLatencyMs ?? null;
  }
  return { states: states.join(''), latencies: encodeLatencies(latencies) };
}

/**
 * The latencies of hours before `at` and from `at` on, as one run of encodeLatencies' comma-separated fields. Told
 * where the cut is: one empty field and no field at all are both written as ''.
 */
function joinFields(head: string, tail: string, at: number): string {
  if (at <= 0) return tail;
  return at >= OVERVIEW_HOURS ? head : `${head},${tail}`;
}

/** Sums of both parts of a window, where there are any: the uptime of the whole window. */
function uptimeOf(settled: Counts | undefined, live: Counts | undefined): number | null {
  if (settled && live) return uptimePercent(addCounts(settled, live));
  const either = settled ?? live;
  return either ? uptimePercent(either) : null;
}

const byMonitor = <T extends { monitorId: string }>(digests: readonly T[]) => new Map(digests.map((digest) => [digest.monitorId, digest]));

/**
 * What is built from a cached settled part, built once per part: summary-digests hands back the same array until
 * the window moves on, so the array itself is the key, and a new window's array leaves the old entry to the GC.
 */
function onceFor<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** The settled hours of every bar, drawn. */
const drawnHoursCache = new WeakMap<readonly HourlyDigest[], Map<string, DrawnHours>>();
const drawnSettledHours = ({ settled, liveFromHour }: HourlyParts) =>
  onceFor(
    drawnHoursCache,
    settled,
    () => new Map(settled.map((digest) => [digest.monitorId, { counts: digest, ...drawHours(digest.cells, 0, liveFromHour) }])),
  );

const settledDaysCache = new WeakMap<readonly DailyDigest[], Map<string, DailyDigest>>();
const settledDaysByMonitor = (settled: readonly DailyDigest[]) => onceFor(settledDaysCache, settled, () => byMonitor(settled));
