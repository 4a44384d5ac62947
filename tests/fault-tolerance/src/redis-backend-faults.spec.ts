import { describeFaults } from './fault-suite';
import { workerJoinsWhileCreating } from './fleet-scenarios';
import { runFault } from './run-fault';

/**
 * Issue 10, on the Redis queue backend: 300 monitors every 20 s, the real api and worker processes, their own
 * PostgreSQL and Redis. After each fault every monitor is checked again within two intervals, nobody restarts
 * anything, nothing is falsely DOWN, nothing is stored or sent twice, and the gap is visible while it lasts.
 * Alone: `npx nx run fault-tolerance:test` (both backends in parallel, 5–7 minutes). Each fault prints one
 * `fault-timing {...}` line: the closing-note numbers.
 */
describeFaults('monitoring survives faults on the Redis queue backend', 'redis', [
  {
    name: 'FLUSHALL under load',
    run: (stack, startedAt) => runFault(stack, { fault: 'flushall', inject: () => stack.flushQueue() }, startedAt),
  },
  {
    name: 'Redis restarted empty',
    run: (stack, startedAt) => {
      const redis = stack.redis;
      if (!redis) throw new Error('no Redis on the Redis backend');
      return runFault(stack, { fault: 'redis-restarted-empty', inject: () => redis.restartEmpty(2_000) }, startedAt);
    },
  },
  {
    name: 'PostgreSQL restarted',
    run: (stack, startedAt) => runFault(stack, { fault: 'postgres-restarted', inject: () => stack.postgres.restart(5_000) }, startedAt),
  },
  { name: 'a worker joining while 300 monitors are created', run: workerJoinsWhileCreating },
]);
