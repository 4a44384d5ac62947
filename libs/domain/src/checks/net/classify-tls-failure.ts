import type { TlsFailureKind } from '@mini-netumo/contracts';

/** OpenSSL's words for "the bytes that came back are not a TLS record": the peer speaks something else. */
const NOT_TLS_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LAYER_FAILURE',
  'ERR_SSL_UNEXPECTED_MESSAGE',
]);

const BY_CODE: Record<string, TlsFailureKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
  ETIMEOUT: 'dns',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  EADDRNOTAVAIL: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ETIMEDOUT: 'timeout',
};

/** Turns what node:tls or node:dns threw into a failure kind and a sentence a user understands. */
export function classifyTlsFailure(error: unknown): { kind: TlsFailureKind; message: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  // OpenSSL messages carry a file path and line; the reason alone is what a person needs.
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.includes(':error:') ? (raw.split(':')[4] ?? raw).trim() : raw.trim();
  if (NOT_TLS_CODES.has(code)) return { kind: 'not_tls', message: `the answer is not TLS (${message})` };
  const kind = BY_CODE[code] ?? (code.startsWith('ERR_SSL_') ? 'handshake' : undefined);
  if (kind === 'reset') return { kind, message: 'the connection was closed before the TLS handshake finished' };
  if (kind) return { kind, message: code ? `${message} (${code})` : message };
  return { kind: 'handshake', message: message || 'the TLS handshake failed' };
}
