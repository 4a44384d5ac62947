import { monitorTlsStatusSchema, tlsGetInputSchema } from '@mini-netumo/contracts';
import { getTlsStatus } from '@mini-netumo/domain';
import { publicProcedure, router } from '../trpc';

export const tlsRouter = router({
  /**
   * The monitor's certificate per address behind its host, judged now; null when its kind has no certificate
   * (DNS, TCP without TLS, plain http); NOT_FOUND for an unknown monitor.
   */
  get: publicProcedure
    .meta({ rest: { method: 'GET', path: '/monitors/{monitorId}/tls', summary: "A monitor's certificate lane" } })
    .input(tlsGetInputSchema)
    .output(monitorTlsStatusSchema)
    .query(({ ctx, input }) => getTlsStatus(ctx, input.monitorId)),
});
