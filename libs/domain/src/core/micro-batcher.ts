/**
 * Calls that arrive close together are served by one call on the whole batch, each caller getting its own
 * item's answer. The worker's profile showed a statement or a publish per check costing more CPU than the
 * check's own work, so the check path gathers its reads, writes and live events this way.
 */
export interface MicroBatcher<In, Out> {
  add(item: In): Promise<Out>;
  /** Runs what is waiting now and resolves once every batch so far is done; call before closing. */
  flush(): Promise<void>;
}

export interface MicroBatchOptions {
  /** 0: gather what arrives in the same turn of the event loop; more: gather for that long. */
  waitMs?: number;
  /** Run at once when this many wait. */
  maxBatch?: number;
  /**
   * One batch after another, so order holds across batches (writes to the same rows, ordered events). While a
   * batch runs, what arrives waits and leaves as the next batch when it ends: a group commit, so a slow batch
   * makes the next one larger instead of queueing many small ones behind it (each with its own commit).
   */
  serial?: boolean;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

/** `run` answers the items in order; if it throws, every caller of that batch gets the error. */
export function createMicroBatcher<In, Out>(run: (items: In[]) => Promise<Out[]>, options: MicroBatchOptions = {}): MicroBatcher<In, Out> {
  const { waitMs = 0, maxBatch = Number.POSITIVE_INFINITY, serial = false } = options;
  let waiting: Waiting<In, Out>[] = [];
  let timer: { cancel(): void } | undefined;
  let settled: Promise<void> = Promise.resolve();

  const runBatch = async (batch: Waiting<In, Out>[]) => {
    try {
      const answers = await run(batch.map((each) => each.item));
      batch.forEach((each, i) => each.resolve(answers[i] as Out));
    } catch (error) {
      batch.forEach((each) => each.reject(error));
    }
  };

  let draining: Promise<void> | undefined;
  let lastAdded: Promise<void> = Promise.resolve();
  // Runs batches until nothing waits. Started only with something waiting, so the loop awaits before it can
  // end and `draining` is set by then; what arrives after the loop's last look starts the next drain.
  const startDrain = () => {
    if (draining || waiting.length === 0) return;
    draining = (async () => {
      while (waiting.length > 0) await runBatch(waiting.splice(0, maxBatch));
    })().finally(() => {
      draining = undefined;
      startDrain();
    });
  };

  const flush = (): Promise<void> => {
    timer?.cancel();
    timer = undefined;
    if (serial) {
      startDrain();
      // Done once what waits now is done (in order, so its last item is the last to settle); what arrives
      // later is not waited for, or a steady stream would keep a flush before close from ever ending.
      return lastAdded;
    }
    const batch = waiting;
    waiting = [];
    if (batch.length > 0) settled = Promise.all([settled, runBatch(batch)]).then(() => undefined);
    return settled;
  };

  const schedule = () => {
    if (waitMs === 0) {
      const immediate = setImmediate(() => void flush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(() => void flush(), waitMs);
    return { cancel: () => clearTimeout(timeout) };
  };

  return {
    add(item) {
      const answer = new Promise<Out>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (waiting.length >= maxBatch) void flush();
        else timer ??= schedule();
      });
      lastAdded = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
    flush,
  };
}
