import { createLogger, loadConfig, openRuntime } from '@mini-netumo/domain';
import { startWorker } from '../../apps/worker/src/start-worker';
import { keepHeapInProportion } from '../../apps/worker/src/heap-growth';

/**
 * The product's worker, unchanged, in its own process, reporting what the bench needs over IPC once a second:
 * CPU time, memory and how many checks it started (its share when several run). Lag is read from the results.
 */
keepHeapInProportion();
const logger = createLogger('bench-worker');
const config = loadConfig();
const runtime = await openRuntime(config, { ...logger, info: () => undefined });
const claimer = await startWorker({ runtime, logger, config });

const reportMetrics = () => {
  const cpu = process.cpuUsage();
  process.send?.({ type: 'metrics', cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss, started: claimer.started() });
};
const report = setInterval(reportMetrics, 1_000);

process.on('message', async (message: { type: string }) => {
  if (message.type === 'report') return reportMetrics();
  if (message.type !== 'stop') return;
  clearInterval(report);
  await runtime.close();
  process.exit(0);
});
process.send?.({ type: 'ready' });
