import {
  monitorStatsInputSchema,
  monitorStatsSchema,
  overviewSnapshotSchema,
  overviewWireSchema,
  toOverviewWire,
  statsExportInputSchema,
  statsExportSchema,
} from '@mini-netumo/contracts';
import { exportCsv, monitorStats, statsOverview } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const statsRouter = router({
  /**
   * Every monitor's status, uptime 24h/7d/30d, last latency and 24 h sparkline, in one call: columns, validated
   * here and sent as one JSON text (fromOverviewWire, then decodeOverview, turn them back into rows).
   */
  overview: publicProcedure
    .meta({ rest: { method: 'GET', path: '/stats/overview', summary: "Every monitor's state and uptime, problems first" } })
    .output(overviewWireSchema)
    .query(async ({ ctx }) => toOverviewWire(overviewSnapshotSchema.parse(await statsOverview(ctx)))),
  monitor: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/stats', summary: "A monitor's uptime and response times over a window" } })
    .input(monitorStatsInputSchema)
    .output(monitorStatsSchema)
    .query(({ ctx, input }) => monitorStats(ctx, input.monitorId, input.window)),
  /** CSV text; the dashboard offers it as a download. */
  export: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/export', summary: "A monitor's results or rollups between two dates" } })
    .input(statsExportInputSchema)
    .output(statsExportSchema)
    .query(async ({ ctx, input }) => ({ csv: await exportCsv(ctx, input.monitorId, input.what, input.from, input.to) })),
});
