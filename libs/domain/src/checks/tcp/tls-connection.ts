import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type { Certificate } from '@mini-netumo/contracts';
import { readCertificate } from '../net/read-certificate';
import type { ResolvedAddress } from '../net/resolve-addresses';

export interface TlsConnectionOptions {
  /** The name sent as SNI and matched against the certificate. */
  serverName: string;
  /** Trust anchors instead of node's bundled store; tests pass their own CA here. */
  ca?: string | string[];
}

/** What a completed handshake showed; the probe decides whether a rejection fails it. */
export interface HandshakeFacts {
  /** The leaf, as the TLS expiry lane reads it; null only when the server sent none. */
  certificate: Certificate | null;
  /** Why the certificate is not to be trusted (OpenSSL's code, or the name mismatch); null when it is. */
  rejection: string | null;
}

/**
 * A TLS connection to one address; it emits 'connect' when TCP is up and 'secureConnect' after the handshake.
 * One socket rather than TLS over our own net.Socket: destroying a wrapped socket before its TLS socket
 * crashes node 20 (SIGSEGV). Verification is done but not enforced, so a rejected certificate is still read.
 */
export function connectTls(address: ResolvedAddress, port: number, options: TlsConnectionOptions): TLSSocket {
  return connect({
    host: address.address,
    port,
    // SNI may not carry an IP literal (RFC 6066 §3).
    servername: isIP(options.serverName) ? undefined : options.serverName,
    rejectUnauthorized: false,
    // node folds a name mismatch into `authorized`; inspectHandshake checks the name itself, as the TLS lane does.
    checkServerIdentity: () => undefined,
    ...(options.ca ? { ca: options.ca } : {}),
  });
}

export function inspectHandshake(socket: TLSSocket, serverName: string): HandshakeFacts {
  const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate;
  if (!peer?.raw) return { certificate: null, rejection: 'the server sent no certificate' };
  const certificate = readCertificate(peer);
  // node stores OpenSSL's code here as a string (CERT_HAS_EXPIRED), whatever the declared type says.
  if (!socket.authorized) return { certificate, rejection: String(socket.authorizationError ?? 'UNABLE_TO_VERIFY') };
  const mismatch = checkServerIdentity(serverName, peer);
  // node ends this message with "list: " when the certificate has no name of that kind.
  return { certificate, rejection: mismatch ? mismatch.message.replace(/[\s:]+$/, '') : null };
}
