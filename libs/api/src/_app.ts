import { alertsRouter } from './routers/alerts-router';
import { channelsRouter } from './routers/channels-router';
import { domainsRouter } from './routers/domains-router';
import { maintenanceWindowsRouter } from './routers/maintenance-windows-router';
import { notificationsRouter } from './routers/notifications-router';
import { eventsRouter } from './routers/events-router';
import { expiryRouter } from './routers/expiry-router';
import { incidentsRouter } from './routers/incidents-router';
import { monitorsRouter } from './routers/monitors-router';
import { resultsRouter } from './routers/results-router';
import { statsRouter } from './routers/stats-router';
import { statusPagesRouter } from './routers/status-pages-router';
import { systemRouter } from './routers/system-router';
import { tlsRouter } from './routers/tls-router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  monitors: monitorsRouter,
  results: resultsRouter,
  incidents: incidentsRouter,
  system: systemRouter,
  stats: statsRouter,
  events: eventsRouter,
  tls: tlsRouter,
  domains: domainsRouter,
  expiry: expiryRouter,
  channels: channelsRouter,
  alerts: alertsRouter,
  notifications: notificationsRouter,
  maintenanceWindows: maintenanceWindowsRouter,
  statusPages: statusPagesRouter,
});

/** The only thing the browser imports from the server, and only as a type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
