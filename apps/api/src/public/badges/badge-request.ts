import { PUBLIC_UPTIME_WINDOWS, type PublicUptimeWindow } from '@mini-netumo/contracts';
import { BADGE_METRICS, type BadgeMetric } from './badge-facts';

/**
 * `/badge/<monitor id>/<name>.<svg|json>`. Lowercase ids only: one address per badge for caches and ETags, and
 * the id as the database writes it; an uppercase id is a 404.
 */
const BADGE_PATH = /^\/badge\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z]+)\.(svg|json)$/;

export interface BadgeRequest {
  monitorId: string;
  metric: BadgeMetric;
  format: 'svg' | 'json';
}

/** `?metric=`: one of BADGE_METRICS, else null (a repeated parameter, an unknown name, nothing at all). */
export function parseMetric(value: unknown): BadgeMetric | null {
  return BADGE_METRICS.find((metric) => metric === value) ?? null;
}

/** `?window=`: absent means 24h; anything else but one of the public windows is null. */
export function parseWindow(value: unknown): PublicUptimeWindow | null {
  if (value === undefined) return '24h';
  return PUBLIC_UPTIME_WINDOWS.find((window) => window === value) ?? null;
}

/**
 * `/badge/<id>/<metric>.svg`, or `/badge/<id>/shields.json` with the metric from `metricParam` (the query's
 * `metric`). `path` is the path alone, without its query (Express's `req.path`). Null means 404.
 */
export function parseBadgePath(path: string, metricParam?: unknown): BadgeRequest | null {
  const match = BADGE_PATH.exec(path);
  if (!match) return null;
  const [, monitorId = '', name, extension] = match;
  if (extension === 'json' && name !== 'shields') return null;
  const metric = parseMetric(extension === 'svg' ? name : metricParam);
  return metric ? { monitorId, metric, format: extension === 'svg' ? 'svg' : 'json' } : null;
}
