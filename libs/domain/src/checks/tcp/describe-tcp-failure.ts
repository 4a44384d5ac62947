import type { CheckErrorKind } from '@mini-netumo/contracts';
import { classifyRequestError } from '../net/classify-error';
import { classifyTlsFailure } from '../net/classify-tls-failure';
import type { ReadResult } from './read-until-expected';

/** The kinds a TCP probe can fail with: a subset of the kinds every check shares. */
export type TcpErrorKind = Extract<CheckErrorKind, 'dns' | 'refused' | 'timeout' | 'reset' | 'tls' | 'keyword'>;

/** The step a probe was waiting on when it failed: it frames the message. */
export type TcpPhase = 'dns' | 'connect' | 'tls' | 'send' | 'read';

/** What a message may name: `target` is host:port, with the address it resolved to when host is a name. */
export interface TcpFailureContext {
  host: string;
  target: string;
  timeoutMs: number;
  expect: string | null;
}

/** A failure the probe decided itself (a missing answer, a rejected certificate), already in words. */
export class TcpFailure extends Error {
  constructor(
    readonly kind: TcpErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const TCP_KINDS: ReadonlySet<CheckErrorKind> = new Set<TcpErrorKind>(['dns', 'refused', 'timeout', 'reset', 'tls', 'keyword']);

/** Codes the shared classifier calls `protocol` (EHOSTUNREACH, EAI_FAIL, ...) count as their phase failing. */
const KIND_OF_PHASE: Record<TcpPhase, TcpErrorKind> = { dns: 'dns', connect: 'refused', tls: 'tls', send: 'reset', read: 'reset' };

/** Turns what node:dns, node:net or node:tls threw into a kind (the shared classifier's) and a short sentence. */
export function describeTcpFailure(error: unknown, phase: TcpPhase, context: TcpFailureContext): TcpFailure {
  const classified = classifyRequestError(error, context.timeoutMs).kind;
  const kind = TCP_KINDS.has(classified) ? (classified as TcpErrorKind) : KIND_OF_PHASE[phase];
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const because = code ? ` (${code})` : '';
  const { host, target, timeoutMs } = context;
  switch (kind) {
    case 'timeout':
      return new TcpFailure(kind, `${unfinished(phase, context)} within ${timeoutMs} ms`);
    case 'dns':
      return new TcpFailure(kind, `could not resolve ${host}${because}`);
    case 'refused':
      return new TcpFailure(kind, code === 'ECONNREFUSED' ? `connection refused by ${target}` : `could not connect to ${target}${because}`);
    case 'tls':
      // classifyTlsFailure only for its wording: it trims OpenSSL's file-and-line prefix off the reason.
      return new TcpFailure(kind, `TLS handshake with ${target} failed: ${classifyTlsFailure(error).message}`);
    default:
      if (code === 'ECONNRESET') return new TcpFailure('reset', `connection reset by ${target} ${during(phase, context)}`);
      return new TcpFailure('reset', `connection to ${target} broke ${during(phase, context)}${because}`);
  }
}

export function certificateRejected(context: TcpFailureContext, rejection: string): TcpFailure {
  return new TcpFailure('tls', `certificate of ${context.target} rejected: ${rejection}`);
}

export function expectedNotReceived(context: TcpFailureContext, result: Exclude<ReadResult, 'found'>, maxBytes: number): TcpFailure {
  const wanted = quote(context.expect ?? '');
  return result === 'ended'
    ? new TcpFailure('keyword', `${context.target} closed the connection without sending ${wanted}`)
    : new TcpFailure('keyword', `${wanted} not found in the first ${maxBytes} bytes from ${context.target}`);
}

function unfinished(phase: TcpPhase, { host, target, expect }: TcpFailureContext): string {
  if (phase === 'dns') return `could not resolve ${host}`;
  if (phase === 'connect') return `could not connect to ${target}`;
  if (phase === 'tls') return `no TLS handshake with ${target}`;
  if (phase === 'send') return `could not send to ${target}`;
  return `${quote(expect ?? '')} not received from ${target}`;
}

function during(phase: TcpPhase, { host, expect }: TcpFailureContext): string {
  if (phase === 'dns') return `while resolving ${host}`;
  if (phase === 'connect') return 'while connecting';
  if (phase === 'tls') return 'during the TLS handshake';
  if (phase === 'send') return 'while sending';
  return `while waiting for ${quote(expect ?? '')}`;
}

/** The user's text as JSON shows it (a CR LF stays visible), cut short: messages are one line in a table. */
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
