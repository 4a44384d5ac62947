/**
 * The time a check job was due, which names its slot: a job scheduler's job carries it in its id
 * (`repeat:<scheduler>:<millis>`, stable across retries and stalled re-runs); any other job (check now,
 * catch-up) was due when it was added. The recorder keeps one result per slot and drops older slots.
 */
export function jobSlotAt(job: { id?: string; timestamp: number }): Date {
  const scheduled = job.id ? /^repeat:.+:(\d+)$/.exec(job.id) : null;
  return new Date(scheduled ? Number(scheduled[1]) : job.timestamp);
}
