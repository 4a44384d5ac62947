import type { TRPCError, TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError } from '@mini-netumo/domain';
import { UnreadableInputError } from './input-transformer';

/** What a client reads for an error we have no more precise words for; the compiler wants every code here. */
const GENERIC_MESSAGES: Record<TRPC_ERROR_CODE_KEY, string> = {
  PARSE_ERROR: 'The request parameters are not valid JSON',
  BAD_REQUEST: 'The request is not a call this server can read',
  INTERNAL_SERVER_ERROR: 'Internal server error',
  NOT_IMPLEMENTED: 'This is not implemented',
  BAD_GATEWAY: 'A service this server depends on gave a bad answer',
  SERVICE_UNAVAILABLE: 'The service is unavailable; try again shortly',
  GATEWAY_TIMEOUT: 'A service this server depends on did not answer in time',
  UNAUTHORIZED: 'Sign in first',
  PAYMENT_REQUIRED: 'Payment is required',
  FORBIDDEN: 'This is not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_SUPPORTED: 'This procedure does not accept that HTTP method',
  TIMEOUT: 'The request took too long',
  CONFLICT: 'The request conflicts with the current state',
  PRECONDITION_FAILED: 'A precondition of the request failed',
  PAYLOAD_TOO_LARGE: 'The request body is larger than this server accepts',
  UNSUPPORTED_MEDIA_TYPE: 'Send the input as JSON, with content-type application/json',
  UNPROCESSABLE_CONTENT: 'The request could not be processed',
  PRECONDITION_REQUIRED: 'The request must be conditional',
  TOO_MANY_REQUESTS: 'Too many requests; try again shortly',
  CLIENT_CLOSED_REQUEST: 'The request was cancelled',
};

/** A path echoed in a message is the client's own text: kept short. */
const quoted = (path: string) => (path.length > 100 ? `${path.slice(0, 100)}…` : path);

const METHOD_FOR: Record<string, string> = {
  query: 'is a query: call it with GET',
  mutation: 'is a mutation: call it with POST',
  subscription: 'is a subscription: open it with GET',
};

export interface ErrorSituation {
  error: TRPCError;
  /** The procedure path the client asked for, when the request named one. */
  path: string | undefined;
  type: string;
}

/**
 * The message a client reads. Only our own words get through: the contract messages of a ZodError, a
 * DomainError's message, and the sentences below. Anything else (tRPC's, superjson's, JSON.parse's, a
 * driver's) becomes the generic message of its code; an internal error never says more than that.
 */
export function clientMessage({ error, path, type }: ErrorSituation): string {
  const { cause, code } = error;
  if (code === 'INTERNAL_SERVER_ERROR') return GENERIC_MESSAGES.INTERNAL_SERVER_ERROR;
  if (cause instanceof ZodError && code === 'BAD_REQUEST') return cause.issues.map((issue) => issue.message).join('; ');
  if (cause instanceof DomainError) return cause.message;
  if (cause instanceof UnreadableInputError) return cause.message;
  // JSON.parse of the body or of ?input= is the only SyntaxError a BAD_REQUEST carries.
  if (cause instanceof SyntaxError && code === 'BAD_REQUEST') {
    return type === 'query' ? 'The input query parameter is not valid JSON' : 'The request body is not valid JSON';
  }
  if (code === 'NOT_FOUND' && path) return `No procedure named ${quoted(path)}`;
  if (code === 'METHOD_NOT_SUPPORTED' && path && METHOD_FOR[type]) return `${quoted(path)} ${METHOD_FOR[type]}`;
  return GENERIC_MESSAGES[code];
}
