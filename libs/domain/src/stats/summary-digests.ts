import { DAY_MS, HOUR_MS } from '@mini-netumo/contracts';
import type { Db } from '../db/client';
import { dailyDigests, hourlyDigests, type DailyDigest, type HourlyDigest } from '../db/queries/summary-reads';

/**
 * Buckets that ended longer ago than this no longer change: a check is stored within a minute of its start (its
 * longest timeout plus the store's retries), and a missed heartbeat is recorded at the time it is decided. Short, so
 * the live edge is the current hour alone for most of each hour: at 10,000 monitors each hour in it costs ~30 ms.
 */
const SETTLED_AFTER_MS = 10 * 60_000;

/**
 * A window's digests in two parts, never merged: the settled buckets (the same array, cached, until the window
 * moves on) and the live edge (queried every time). Aggregating 24,000 hourly buckets on every dashboard refresh
 * cost ~25 ms of PostgreSQL time at 1,000 monitors; the live edge costs ~2. Kept apart because merging them cost
 * the api an object and a copied list of cells per monitor per call, and the settled part can be drawn once.
 */
export interface DigestParts<T> {
  settled: readonly T[];
  live: readonly T[];
}

export interface HourlyParts extends DigestParts<HourlyDigest> {
  /** Where the live edge starts, in hours after the window's first hour: the settled cells are all before it. */
  liveFromHour: number;
}

interface Cached<T> {
  key: string;
  value: Promise<T>;
}
const settledHourly = new WeakMap<Db, Cached<HourlyDigest[]>>();
const settledDaily = new WeakMap<Db, Cached<DailyDigest[]>>();

export async function hourlyDigestParts(db: Db, firstHour: Date, now: Date): Promise<HourlyParts> {
  const settledUntil = new Date(Math.max(firstHour.getTime(), Math.floor((now.getTime() - SETTLED_AFTER_MS) / HOUR_MS) * HOUR_MS));
  const [settled, live] = await Promise.all([
    cached(settledHourly, db, `${firstHour.toISOString()}|${settledUntil.toISOString()}`, () => hourlyDigests(db, firstHour, settledUntil)),
    hourlyDigests(db, settledUntil, new Date(now.getTime() + HOUR_MS), firstHour),
  ]);
  return { settled, live, liveFromHour: (settledUntil.getTime() - firstHour.getTime()) / HOUR_MS };
}

export async function dailyDigestParts(db: Db, weekStart: Date, monthStart: Date, now: Date): Promise<DigestParts<DailyDigest>> {
  const settledUntil = new Date(Math.max(monthStart.getTime(), Math.floor((now.getTime() - SETTLED_AFTER_MS) / DAY_MS) * DAY_MS));
  const [settled, live] = await Promise.all([
    cached(settledDaily, db, `${weekStart.toISOString()}|${monthStart.toISOString()}|${settledUntil.toISOString()}`, () =>
      dailyDigests(db, weekStart, monthStart, settledUntil),
    ),
    dailyDigests(db, weekStart, settledUntil, new Date(now.getTime() + DAY_MS)),
  ]);
  return { settled, live };
}

function cached<T>(store: WeakMap<Db, Cached<T>>, db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const hit = store.get(db);
  if (hit?.key === key) return hit.value;
  const value = load();
  store.set(db, { key, value });
  value.catch(() => store.delete(db)); // never cache a failure
  return value;
}
