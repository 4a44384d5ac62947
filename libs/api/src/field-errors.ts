import type { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { ValidationError } from '@mini-netumo/domain';

/**
 * The `fieldErrors` a client reads: each message keyed by the dotted path of the value it blames in the
 * input, whether the contract's schema refused it (a ZodError) or the domain did (a ValidationError naming
 * its values). Undefined when no value is to blame.
 */
export function fieldErrorsOf(error: TRPCError): Record<string, string> | undefined {
  if (error.code !== 'BAD_REQUEST') return undefined;
  const { cause } = error;
  const problems = cause instanceof ZodError ? cause.issues : cause instanceof ValidationError ? cause.problems : [];
  if (problems.length === 0) return undefined;
  return Object.fromEntries(problems.map((problem) => [problem.path.join('.'), problem.message]));
}
