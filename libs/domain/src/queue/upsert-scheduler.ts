import { ErrorCode, type Queue } from 'bullmq';

type UpsertArgs = Parameters<Queue['upsertJobScheduler']>;

/**
 * `upsertJobScheduler` that may run beside another upsert of the same scheduler (two workers rebuilding,
 * a rebuild beside an edit). When the iteration it would add is already queued and due (same scheduler,
 * same timing, same slot), the schedule is as wanted; BullMQ's PostgreSQL backend refuses that instead of
 * keeping it, and the refusal must not fail a whole rebuild.
 */
export async function upsertScheduler(queue: Queue, id: UpsertArgs[0], repeat: UpsertArgs[1], template?: UpsertArgs[2]): Promise<void> {
  try {
    await queue.upsertJobScheduler(id, repeat, template);
  } catch (error) {
    if ((error as { code?: unknown }).code !== ErrorCode.SchedulerJobIdCollision) throw error;
  }
}
