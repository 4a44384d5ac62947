import { monitorStatsInputSchema, statsExportInputSchema } from '@mini-netumo/contracts';
import { exportCsv, getMonitor, monitorStats, statsSummary } from '@mini-netumo/domain';
import { monitorDeps } from '../context';
import { publicProcedure, router } from '../trpc';

export const statsRouter = router({
  /** Every monitor's status, uptime 24h/7d/30d, last latency and 24 h sparkline, in one call. */
  summary: publicProcedure.query(({ ctx }) => statsSummary(ctx.runtime.database.db)),
  monitor: publicProcedure.input(monitorStatsInputSchema).query(async ({ ctx, input }) => {
    await getMonitor(monitorDeps(ctx), input.monitorId);
    return monitorStats(ctx.runtime.database.db, input.monitorId, input.window);
  }),
  /** CSV text; the dashboard offers it as a download. */
  export: publicProcedure.input(statsExportInputSchema).query(async ({ ctx, input }) => {
    await getMonitor(monitorDeps(ctx), input.monitorId);
    return { csv: await exportCsv(ctx.runtime.database.db, input.monitorId, input.what, input.from, input.to) };
  }),
});
