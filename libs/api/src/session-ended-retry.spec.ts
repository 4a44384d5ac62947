import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createCallerFactory, publicProcedure, router } from './trpc';

/** What postgres.js throws when PostgreSQL ends the session under a query (Drizzle wraps it as `cause`). */
const sessionEnded = () =>
  new Error('Failed query', {
    cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' }),
  });

/** A procedure failing its first `failures` calls with `error`, then answering how many calls it took. */
function flakyCaller(failures: number, error: () => Error) {
  let calls = 0;
  const flaky = router({
    run: publicProcedure.mutation(() => {
      calls++;
      if (calls <= failures) throw error();
      return calls;
    }),
  });
  return { caller: createCallerFactory(flaky)({} as never), calls: () => calls };
}

describe('a call whose database session the server ended', () => {
  it('is made once more, and answers', async () => {
    const { caller, calls } = flakyCaller(1, sessionEnded);
    expect(await caller.run()).toBe(2);
    expect(calls()).toBe(2);
  });

  it('is a 503 when the second try fails the same way, not a third try', async () => {
    const { caller, calls } = flakyCaller(5, sessionEnded);
    const error = await caller.run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect(calls()).toBe(2);
  });

  it('leaves any other failure to a single try', async () => {
    const refused = () => new Error('Failed query', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { caller, calls } = flakyCaller(1, refused);
    expect(((await caller.run().catch((caught: unknown) => caught)) as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    expect(calls()).toBe(1);
  });
});
