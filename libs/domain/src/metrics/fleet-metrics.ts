import { Gauge, type Registry } from 'prom-client';
import { withTimeout } from '../core/with-timeout';
import { rateLimitedWarning } from '../logging/rate-limited-warning';
import { certificateEnds, deadLetterCount, domainEnds, monitorCountsByStatus, monitorVerdicts } from '../db/queries/metrics-queries';
import { QUEUE_NAMES } from '../queue/queue-names';
import type { DomainContext } from '../runtime/domain-context';

/** A scrape must answer even with the database away: what could not be read is left out of it. */
const READ_WITHIN_MS = 2_000;
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export interface FleetMetricsOptions {
  /** One series per monitor (`netumo_monitor_up`, `netumo_certificate_expiry_days`); off for very large fleets. */
  perMonitor: boolean;
}

/**
 * The fleet as Prometheus sees it, read from PostgreSQL and the queue at each scrape (one query per gauge). Each
 * process that serves `/metrics` registers them once, into its `metricsRegistry` (core/process-metrics.ts).
 */
export function registerFleetMetrics(ctx: DomainContext, registry: Registry, options: FleetMetricsOptions): void {
  const registers = [registry];
  // A scrape every 15 s with the database away would log each gauge each time: one line per 10 s is news enough.
  const unread = rateLimitedWarning(ctx.logger, 'a metric could not be read; left out of this scrape');
  const read = <T>(what: string, query: () => Promise<T>): Promise<T | null> =>
    withTimeout(query(), READ_WITHIN_MS, what).catch((error: unknown) => {
      unread({ what, error });
      return null;
    });

  new Gauge({
    name: 'netumo_monitors',
    help: 'Monitors by status (pending, up, down, paused)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const rows = await read('monitor counts', () => monitorCountsByStatus(ctx.sql));
      this.reset();
      for (const row of rows ?? []) this.set({ status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'netumo_dead_letters',
    help: 'Alert deliveries that gave up and wait in the dead letters',
    registers,
    async collect() {
      const count = await read('dead letters', () => deadLetterCount(ctx.sql));
      if (count !== null) this.set(count);
    },
  });
  new Gauge({
    name: 'netumo_domain_expiry_days',
    help: 'Days until the registration of a monitored domain ends',
    labelNames: ['domain'] as const,
    registers,
    async collect() {
      const rows = await read('domain expiries', () => domainEnds(ctx.sql));
      this.reset();
      for (const row of rows ?? []) this.set({ domain: row.domain }, row.daysLeft);
    },
  });
  new Gauge({
    name: 'netumo_queue_jobs',
    help: 'Jobs in the queue lanes (certificate, domain, maintenance, notify), by state',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const names = Object.values(QUEUE_NAMES);
      const counts = await Promise.all(
        names.map((name) => read(`${name} queue`, () => ctx.queues.queue(name).getJobCounts(...JOB_STATES))),
      );
      this.reset();
      names.forEach((name, i) => {
        for (const state of JOB_STATES) if (counts[i]) this.set({ queue: name, state }, counts[i][state] ?? 0);
      });
    },
  });
  if (!options.perMonitor) return;
  new Gauge({
    name: 'netumo_monitor_up',
    help: 'Whether the monitor is up (1) or down (0); pending and paused monitors have no series',
    labelNames: ['monitor_id', 'name', 'kind'] as const,
    registers,
    async collect() {
      const rows = await read('monitor verdicts', () => monitorVerdicts(ctx.sql));
      this.reset();
      for (const row of rows ?? []) this.set({ monitor_id: row.id, name: row.name, kind: row.kind }, row.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'netumo_certificate_expiry_days',
    help: "Days until the monitor's soonest-ending TLS certificate expires",
    labelNames: ['monitor_id', 'name'] as const,
    registers,
    async collect() {
      const rows = await read('certificate expiries', () => certificateEnds(ctx.sql));
      this.reset();
      for (const row of rows ?? []) this.set({ monitor_id: row.id, name: row.name }, row.daysLeft);
    },
  });
}
