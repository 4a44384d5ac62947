import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * This process's Prometheus registry: what it did (checks recorded, notifications sent) plus Node's own process
 * metrics. The api's `/metrics` and the worker's each read their own; the fleet's gauges join it at the edge
 * (metrics/fleet-metrics.ts), since only those read the database.
 */
export const metricsRegistry = new Registry();
/**
 * The event-loop delay histogram samples with a timer: prom-client's 10 ms default woke an idle api or worker
 * ~200 times a second (strace), about 6 ms of CPU a second each, as much as 0.1 ms per check at an ordinary
 * load. Every 100 ms still catches any stall that matters to a check. The histogram's values count the
 * sampling interval, as they did at 10 ms: an idle process now reads ~0.1 s, not ~0.01 s (the README says so for
 * whoever graphs them); `nodejs_eventloop_lag_seconds`, measured at each scrape, is not affected.
 */
const EVENT_LOOP_SAMPLE_MS = 100;
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

export const checksTotal = new Counter({
  name: 'netumo_checks_total',
  help: 'Checks recorded by this process (active probes and heartbeat slots), by verdict',
  labelNames: ['verdict'] as const,
  registers: [metricsRegistry],
});

export const checkDurationSeconds = new Histogram({
  name: 'netumo_check_duration_seconds',
  help: 'How long a check took, re-checks included (a heartbeat: its run from start to success)',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

export const scheduleLagSeconds = new Histogram({
  name: 'netumo_schedule_lag_seconds',
  help: 'How long after its slot a check was made',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

export const notificationsTotal = new Counter({
  name: 'netumo_notifications_total',
  help: 'Alert deliveries tried by this process, by channel kind and outcome (delivered, retrying, failed)',
  labelNames: ['channel_kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** One stored check, counted: its verdict, duration and lateness. */
export function countCheck(check: { verdict: string; slotAt: Date; checkedAt: Date; latencyMs: number | null }): void {
  checksTotal.inc({ verdict: check.verdict });
  if (check.latencyMs !== null) checkDurationSeconds.observe(check.latencyMs / 1_000);
  scheduleLagSeconds.observe(Math.max(0, check.checkedAt.getTime() - check.slotAt.getTime()) / 1_000);
}
