import { eventsRouter } from './routers/events-router';
import { incidentsRouter } from './routers/incidents-router';
import { monitorsRouter } from './routers/monitors-router';
import { resultsRouter } from './routers/results-router';
import { statsRouter } from './routers/stats-router';
import { systemRouter } from './routers/system-router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  monitors: monitorsRouter,
  results: resultsRouter,
  incidents: incidentsRouter,
  system: systemRouter,
  stats: statsRouter,
  events: eventsRouter,
});

/** The only thing the browser imports from the server, and only as a type. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
