import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';
import type { Certificate, ChainCertificate } from '@mini-netumo/contracts';

/** A certificate chain longer than this is a loop or an attack, not a real chain. */
const MAX_CHAIN = 10;

/** The leaf's facts, read from its DER through X509Certificate so every field is what OpenSSL sees. */
export function readCertificate(peer: DetailedPeerCertificate): Certificate {
  const x509 = new X509Certificate(peer.raw);
  return {
    subject: oneLine(x509.subject),
    subjectAltNames: splitAltNames(x509.subjectAltName),
    issuer: oneLine(x509.issuer),
    serialNumber: x509.serialNumber.toUpperCase(),
    fingerprintSha256: x509.fingerprint256,
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
  };
}

/** The certificates above the leaf, as the handshake presented them (node adds the trust anchor it used). */
export function readChain(peer: DetailedPeerCertificate): ChainCertificate[] {
  const chain: ChainCertificate[] = [];
  let current = peer;
  // A self-signed certificate is its own issuer: node links the object to itself.
  while (current.issuerCertificate && current.issuerCertificate !== current && chain.length < MAX_CHAIN) {
    current = current.issuerCertificate;
    if (!current.raw) break;
    const x509 = new X509Certificate(current.raw);
    chain.push({
      subject: oneLine(x509.subject),
      issuer: oneLine(x509.issuer),
      fingerprintSha256: x509.fingerprint256,
      validTo: new Date(x509.validTo),
    });
  }
  return chain;
}

/** X509Certificate writes one RDN per line; one line reads better in a table. */
const oneLine = (name: string) => name.split('\n').filter(Boolean).join(', ');

/** `DNS:a.example, IP Address:127.0.0.1` → [`DNS:a.example`, `IP:127.0.0.1`]. */
function splitAltNames(altNames: string | undefined): string[] {
  if (!altNames) return [];
  return altNames
    .split(', ')
    .map((entry) => entry.trim().replace(/^IP Address:/, 'IP:'))
    .filter(Boolean);
}
