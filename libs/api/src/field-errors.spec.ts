import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '@mini-netumo/domain';
import { fieldErrorsOf } from './field-errors';
import { clientError } from './testing/router-harness';
import { createCallerFactory, publicProcedure, router } from './trpc';

const refusal = (cause: unknown) => new TRPCError({ code: 'BAD_REQUEST', cause });

describe('fieldErrorsOf', () => {
  it('keys the contract’s refusals by their dotted path', () => {
    const schema = z.object({ patch: z.object({ port: z.number({ error: 'port must be a number' }) }) });
    expect(fieldErrorsOf(refusal(schema.safeParse({ patch: { port: 'x' } }).error))).toEqual({ 'patch.port': 'port must be a number' });
  });

  it('keys the domain’s refusals the same way, one entry per value it blames', () => {
    const foreign = new ValidationError('host, port are not fields of dns monitors', [
      { path: ['patch', 'host'], message: 'host is not a field of dns monitors' },
      { path: ['patch', 'port'], message: 'port is not a field of dns monitors' },
    ]);
    expect(fieldErrorsOf(refusal(foreign))).toEqual({
      'patch.host': 'host is not a field of dns monitors',
      'patch.port': 'port is not a field of dns monitors',
    });
    expect(fieldErrorsOf(refusal(ValidationError.at(['fallbackChannelId'], 'fallbackChannelId: no such channel')))).toEqual({
      fallbackChannelId: 'fallbackChannelId: no such channel',
    });
  });

  it('has none for a refusal that blames no value, nor for any other code', () => {
    expect(fieldErrorsOf(refusal(new ValidationError('not now')))).toBeUndefined();
    expect(fieldErrorsOf(new TRPCError({ code: 'NOT_FOUND', cause: new NotFoundError('monitor', 'abc') }))).toBeUndefined();
  });
});

describe('an answer that breaks its output schema', () => {
  // The same procedure tier as every router's, with an answer its contract does not allow.
  const broken = router({ answer: publicProcedure.output(z.object({ id: z.uuid() })).query(() => ({ id: 'not-a-uuid' })) });

  it('is an internal error to the client: no field errors, no word of the schema', async () => {
    expect(await clientError(createCallerFactory(broken)({} as never).answer())).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
      fieldErrors: undefined,
    });
  });
});
