import { resultsInWindow } from '../db/queries/results-page';
import { rollupsForMonitor } from '../db/queries/rollup-reads';
import { histogramQuantile } from '../evaluation/latency-histogram';
import { requireMonitor } from '../monitor-model/require-monitor';
import type { DomainContext } from '../runtime/domain-context';

/** More rows than this is a job for a database dump, not a browser download. */
export const EXPORT_ROW_LIMIT = 100_000;

/** CSV of raw results or of hourly/daily rollups for a window; RFC 4180 quoting. NOT_FOUND for an unknown monitor. */
export async function exportCsv(
  ctx: DomainContext,
  monitorId: string,
  what: 'results' | 'hourly' | 'daily',
  from: Date,
  to: Date,
): Promise<string> {
  const { db } = ctx;
  await requireMonitor(db, monitorId);
  if (what === 'results') {
    const rows = await resultsInWindow(db, monitorId, from, to, EXPORT_ROW_LIMIT);
    return toCsv(
      [
        'checked_at',
        'verdict',
        'ok',
        'in_maintenance',
        'status_code',
        'latency_ms',
        'dns_ms',
        'connect_ms',
        'tls_ms',
        'first_byte_ms',
        'attempts',
        'error_kind',
        'error_message',
      ],
      rows.map((r) => [
        r.checkedAt.toISOString(),
        r.verdict,
        r.ok,
        r.inMaintenance,
        r.statusCode,
        r.latencyMs,
        r.dnsMs,
        r.connectMs,
        r.tlsMs,
        r.firstByteMs,
        r.attempts,
        r.errorKind,
        r.errorMessage,
      ]),
    );
  }
  const points = (await rollupsForMonitor(db, monitorId, what === 'hourly' ? 'hour' : 'day', from)).filter((p) => p.bucketStart < to);
  return toCsv(
    [
      'bucket_start',
      'checks',
      'failures',
      'unknowns',
      'maintenance',
      'avg_latency_ms',
      'min_latency_ms',
      'max_latency_ms',
      'p95_latency_ms',
    ],
    points.map((p) => [
      p.bucketStart.toISOString(),
      p.checks,
      p.failures,
      p.unknowns,
      p.maintenance,
      p.latencyCount ? Math.round(p.latencySum / p.latencyCount) : null,
      p.latencyMin,
      p.latencyMax,
      histogramQuantile(p.histogram, 0.95, p.latencyMin, p.latencyMax),
    ]),
  );
}

export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
