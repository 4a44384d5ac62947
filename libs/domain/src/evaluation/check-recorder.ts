import type { DomainContext } from '../runtime/domain-context';
import { createMicroBatcher } from '../core/micro-batcher';
import { recordChecks, type CheckToRecord, type RecordedCheck } from './record-check';

/**
 * Gathers the checks that finish within a few milliseconds of each other and records them in one
 * transaction. At fleet scale this is the difference between a few statements per check and a few per
 * batch; alone, a check waits at most `maxWaitMs`.
 */
export interface CheckRecorder {
  record(check: CheckToRecord): Promise<RecordedCheck | null>;
  /** Writes what is pending; call before closing the database. */
  flush(): Promise<void>;
}

export function createCheckRecorder(ctx: DomainContext, options: { maxBatch?: number; maxWaitMs?: number } = {}): CheckRecorder {
  // At an ordinary load (50 checks/s) 50 ms gathered two or three checks per transaction, and PostgreSQL's CPU per
  // check halved at 250 ms (0.77 → 0.37 ms in the bench's load phase). 1 s goes with the claimer's one look a
  // second (its DEFAULT_TICK_MS gives the figure): one transaction and one live-event message a second, a delay a
  // dashboard hardly sees; a busy fleet fills the 200 first. One batch at a time: batches may share monitors, and order per monitor
  // must hold. If the write fails, each check fails and the claimer runs it again: a database outage never
  // becomes a target's DOWN.
  const batcher = createMicroBatcher((checks: CheckToRecord[]) => recordChecks(ctx, checks), {
    maxBatch: options.maxBatch ?? 200,
    waitMs: options.maxWaitMs ?? 1_000,
    serial: true,
  });
  return { record: (check) => batcher.add(check), flush: batcher.flush };
}
