/**
 * Runs `work` on every item, at most `limit` at a time: thousands of queue round trips (a rebuild of the
 * whole fleet's schedules) finish in seconds without opening thousands of requests at once.
 * Rejects with the first error once the items already started have settled.
 */
export async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}
