import type { TRPCCombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';

/** A request's input is JSON, but not superjson we can read; the error formatter words it for the client. */
export class UnreadableInputError extends Error {
  constructor(cause: unknown) {
    super('The input could not be read as tRPC superjson', { cause });
    this.name = 'UnreadableInputError';
  }
}

/**
 * superjson, with the input side safe on anything a client can send: on a hand-made payload (a type it does
 * not know, a path into nothing, `__proto__`) superjson throws its own words, which must not reach a client.
 */
export const inputTransformer: TRPCCombinedDataTransformer = {
  input: {
    serialize: (value) => superjson.serialize(value),
    deserialize: (payload) => {
      try {
        return superjson.deserialize(payload);
      } catch (cause) {
        throw new UnreadableInputError(cause);
      }
    },
  },
  output: {
    serialize: (value) => superjson.serialize(value),
    deserialize: (payload) => superjson.deserialize(payload),
  },
};
