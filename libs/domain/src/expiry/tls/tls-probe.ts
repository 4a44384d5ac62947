import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { checkServerIdentity, connect, type DetailedPeerCertificate } from 'node:tls';
import type { Certificate, ChainCertificate, TlsFailureKind } from '@mini-netumo/contracts';
import { classifyTlsFailure } from '../../checks/net/classify-tls-failure';
import { readCertificate, readChain } from '../../checks/net/read-certificate';
import type { ResolvedAddress } from '../../checks/net/resolve-addresses';
import { answersPlainHttp } from './sniff-plain-http';

export interface TlsTarget {
  /** Where to connect; also the name the certificate must match (sent as SNI) unless `serverName` is set. */
  host: string;
  /** The name the certificate must carry, when it is not `host` (a TCP monitor's tlsServerName). */
  serverName?: string;
  port: number;
  timeoutMs: number;
  /** Trust anchors instead of node's bundled store; tests pass their own CA here. */
  ca?: string | string[];
}

/** What a completed handshake showed. Chain trust and hostname match are kept apart on purpose. */
export interface TlsHandshake {
  protocol: string | null;
  certificate: Certificate;
  chain: ChainCertificate[];
  /** OpenSSL's verification code (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED, ...); null when it verifies. */
  chainError: string | null;
  /** Why the certificate does not cover the host; null when it does. */
  hostnameError: string | null;
}

/** A failed probe is data: exactly one of `handshake` and `errorKind` is set. */
export interface TlsAddressProbe extends ResolvedAddress {
  handshake: TlsHandshake | null;
  errorKind: TlsFailureKind | null;
  errorMessage: string | null;
}

/**
 * One TLS handshake with one address, the name sent as SNI, bounded by timeoutMs in all. Verification is
 * done but not enforced, so an untrusted or mismatched certificate is still read and reported.
 */
export function probeTlsAddress(target: TlsTarget, address: ResolvedAddress): Promise<TlsAddressProbe> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({
      host: address.address,
      port: target.port,
      // SNI may not carry an IP literal (RFC 6066 §3).
      servername: isIP(nameOf(target)) ? undefined : nameOf(target),
      rejectUnauthorized: false,
      // node folds a name mismatch into `authorized`; we check the name ourselves so the two stay apart.
      checkServerIdentity: () => undefined,
      ...(target.ca ? { ca: target.ca } : {}),
    });
    const finish = (probe: Omit<TlsAddressProbe, 'address' | 'family'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...address, ...probe });
    };
    const fail = (kind: TlsFailureKind, message: string) => finish({ handshake: null, errorKind: kind, errorMessage: message });
    const timer = setTimeout(() => fail('timeout', `no TLS handshake within ${target.timeoutMs} ms`), target.timeoutMs);

    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate;
      if (!peer?.raw) return fail('handshake', 'the server sent no certificate');
      const chainError = socket.authorized ? null : String(socket.authorizationError ?? 'UNABLE_TO_VERIFY');
      const identityError = checkServerIdentity(nameOf(target), peer);
      finish({
        handshake: {
          protocol: socket.getProtocol() ?? null,
          certificate: readCertificate(peer),
          chain: readChain(peer),
          chainError,
          hostnameError: identityError ? identityError.message : null,
        },
        errorKind: null,
        errorMessage: null,
      });
    });
    socket.once('error', (error) => {
      if (settled) return;
      const failure = classifyTlsFailure(error);
      if (failure.kind !== 'not_tls') return fail(failure.kind, failure.message);
      // Something answered that is not TLS; name it precisely when it is a plain web server.
      clearTimeout(timer);
      const remaining = target.timeoutMs - (performance.now() - started);
      void answersPlainHttp(address.address, target.port, target.host, remaining).then((plain) =>
        plain ? fail('plain_http', `port ${target.port} answers plain HTTP, not TLS`) : fail(failure.kind, failure.message),
      );
    });
  });
}

/** The name the certificate must match. */
const nameOf = (target: TlsTarget) => target.serverName ?? target.host;
