import { describeFaults } from './fault-suite';
import { workerJoinsWhileCreating } from './fleet-scenarios';
import { runFault } from './run-fault';

/**
 * Issue 10, on the PostgreSQL queue backend (no REDIS_URL: BullMQ and live events on PostgreSQL), with the
 * same promises as on Redis. Emptying BullMQ's own tables stands in for FLUSHALL.
 */
describeFaults('monitoring survives faults on the PostgreSQL queue backend', 'postgres', [
  {
    name: 'PostgreSQL restarted',
    run: (stack, startedAt) => runFault(stack, { fault: 'postgres-restarted', inject: () => stack.postgres.restart(5_000) }, startedAt),
  },
  {
    name: "BullMQ's tables emptied under load",
    run: (stack, startedAt) => runFault(stack, { fault: 'queue-tables-emptied', inject: () => stack.flushQueue() }, startedAt),
  },
  { name: 'a worker joining while 300 monitors are created', run: workerJoinsWhileCreating },
]);
