import { QUEUE_NAMES, createLogger, loadConfig, openRuntime } from '@mini-netumo/domain';
import { startWorker } from '../../apps/worker/src/start-worker';

/**
 * The product's worker, unchanged, in its own process, plus a probe that reports what the bench needs over
 * IPC: scheduling lag per job (start - due), CPU time and memory.
 */
const logger = createLogger('bench-worker');
const config = loadConfig();
const runtime = await openRuntime(config, { ...logger, info: () => undefined });
const worker = await startWorker({ runtime, logger, config });
// The check-http queue's own jobs, seen as they start: due = enqueue time + delay.
let lags: number[] = [];
worker.on('active', (job) => {
  const due = job.timestamp + (job.opts.delay ?? 0);
  lags.push(Math.max(0, (job.processedOn ?? Date.now()) - due));
});
void QUEUE_NAMES;

const report = setInterval(() => {
  const cpu = process.cpuUsage();
  process.send?.({ type: 'metrics', lags, cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss });
  lags = [];
}, 1_000);

process.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  clearInterval(report);
  await runtime.close();
  process.exit(0);
});
process.send?.({ type: 'ready' });
