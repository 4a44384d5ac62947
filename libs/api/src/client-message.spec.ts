import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '@mini-netumo/domain';
import { clientMessage } from './client-message';
import { UnreadableInputError, inputTransformer } from './input-transformer';

const zodError = z.object({ name: z.string({ error: 'name is required' }) }).safeParse({}).error;
const jsonError = (() => {
  try {
    return JSON.parse('{"json":') as never;
  } catch (error) {
    return error as SyntaxError;
  }
})();

const message = (error: TRPCError, path: string | undefined = 'monitors.create', type = 'mutation') => clientMessage({ error, path, type });

describe('clientMessage', () => {
  it('passes the contract messages of a ZodError', () => {
    expect(message(new TRPCError({ code: 'BAD_REQUEST', cause: zodError }))).toBe('name is required');
  });

  it("passes a DomainError's message", () => {
    expect(message(new TRPCError({ code: 'NOT_FOUND', cause: new NotFoundError('monitor', 'abc') }))).toBe('monitor abc not found');
    expect(message(new TRPCError({ code: 'BAD_REQUEST', cause: new ValidationError('url is taken') }))).toBe('url is taken');
  });

  it('words JSON.parse and superjson failures itself', () => {
    const badJson = new TRPCError({ code: 'BAD_REQUEST', message: String(jsonError), cause: jsonError });
    expect(message(badJson)).toBe('The request body is not valid JSON');
    expect(message(badJson, 'results.list', 'query')).toBe('The input query parameter is not valid JSON');
    const unreadable = new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Unknown transformation: nope',
      cause: new UnreadableInputError(new Error('Unknown transformation: nope')),
    });
    expect(message(unreadable)).toBe('The input could not be read as tRPC superjson');
  });

  it('names an unknown procedure, and the method a procedure wants', () => {
    expect(
      message(new TRPCError({ code: 'NOT_FOUND', message: 'No procedure found on path "monitors.nope"' }), 'monitors.nope', 'unknown'),
    ).toBe('No procedure named monitors.nope');
    expect(
      message(new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Unsupported GET-request' }), 'monitors.create', 'mutation'),
    ).toBe('monitors.create is a mutation: call it with POST');
  });

  it.each([
    ['BAD_REQUEST', 'Cannot read properties of null', new TypeError('Cannot read properties of null')],
    ['BAD_REQUEST', '"input" needs to be an object when doing a batch call', undefined],
    ['PAYLOAD_TOO_LARGE', 'Request body too large', undefined],
    ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported content-type "text/plain', undefined],
  ] as const)('gives %s its generic message instead of "%s"', (code, internal, cause) => {
    const text = message(new TRPCError({ code, message: internal, cause }), undefined);
    expect(text).not.toContain(internal);
    expect(text.length).toBeGreaterThan(10);
  });

  it('says only "Internal server error" for an internal error, whatever its cause', () => {
    const failedQuery = new Error('Failed query: insert into "monitors" params: Bearer s3cret');
    expect(message(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: failedQuery }))).toBe('Internal server error');
    expect(message(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: zodError }))).toBe('Internal server error');
  });
});

describe('inputTransformer', () => {
  it('reads what superjson writes', () => {
    const when = new Date('2026-01-02T03:04:05Z');
    expect(inputTransformer.input.deserialize(inputTransformer.input.serialize({ when }))).toEqual({ when });
  });

  it.each([null, { json: { a: 'x' }, meta: { values: { a: ['bigint'] } } }, { json: { a: 1 }, meta: { values: { a: ['nope'] } } }])(
    "throws UnreadableInputError, not superjson's own error, for %j",
    (payload) => {
      expect(() => inputTransformer.input.deserialize(payload)).toThrow(UnreadableInputError);
    },
  );
});
