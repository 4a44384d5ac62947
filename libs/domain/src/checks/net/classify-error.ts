import type { CheckErrorKind } from '@mini-netumo/contracts';
import { BlockedTargetError } from './target-guard';

const BY_CODE: Record<string, CheckErrorKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_MAX_REDIRECTIONS: 'protocol',
  UND_ERR_INVALID_ARG: 'protocol',
  HPE_INVALID_CONSTANT: 'protocol',
  HPE_INVALID_STATUS: 'protocol',
  HPE_INVALID_HEADER_TOKEN: 'protocol',
  HPE_INVALID_VERSION: 'protocol',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'protocol',
};

const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

/** Turns whatever undici threw into a failure kind and a sentence a user understands. */
export function classifyRequestError(error: unknown, timeoutMs: number): { kind: CheckErrorKind; message: string } {
  const err = unwrap(error);
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const message = err instanceof Error ? err.message : String(err);
  // We refused to connect: the guard's sentence already says why, and no code of a socket's applies.
  if (err instanceof BlockedTargetError) return { kind: 'refused', message };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` };
  }
  if (TLS_CODE.test(code)) return { kind: 'tls', message: `TLS: ${message} (${code})` };
  const kind = BY_CODE[code] ?? (code.startsWith('HPE_') ? 'protocol' : undefined);
  if (kind) return { kind, message: code ? `${message} (${code})` : message };
  return { kind: 'protocol', message: message || 'request failed' };
}

/** undici wraps socket errors in `cause`; the useful code is usually one level down. */
function unwrap(error: unknown): unknown {
  if (error instanceof Error && error.cause instanceof Error && !('code' in error && error.code)) return error.cause;
  return error;
}
