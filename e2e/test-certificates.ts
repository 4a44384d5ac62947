import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Certificates made with the openssl CLI at run time: a CA the product trusts through NODE_EXTRA_CA_CERTS
 * (see playwright.config.ts), and leaves it signs, so a test certificate verifies and only its dates matter.
 */
export interface TestCa {
  dir: string;
  certFile: string;
  keyFile: string;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A fresh CA in a new temporary folder; `removeTestCa` deletes it. */
export function createTestCa(): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mini-netumo-e2e-ca-'));
  openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=mini-netumo e2e CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  return testCaIn(dir);
}

export const testCaIn = (dir: string): TestCa => ({ dir, certFile: path.join(dir, 'ca.pem'), keyFile: path.join(dir, 'ca.key') });

export function removeTestCa(ca: TestCa): void {
  rmSync(ca.dir, { recursive: true, force: true });
}

/** A leaf for one IP address, signed by `ca`, valid from now for `days` days. */
export function issueCertificate(ca: TestCa, options: { ip: string; days: number }): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mini-netumo-e2e-leaf-'));
  try {
    writeFileSync(
      path.join(dir, 'leaf.ext'),
      [
        `subjectAltName=IP:${options.ip}`,
        'basicConstraints=CA:FALSE',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=serverAuth',
      ].join('\n'),
    );
    openssl(['req', '-new', ...EC_KEY, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${options.ip}`], dir);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        ca.certFile,
        '-CAkey',
        ca.keyFile,
        '-set_serial',
        String(Date.now()),
        '-days',
        String(options.days),
        '-extfile',
        'leaf.ext',
        '-out',
        'leaf.pem',
      ],
      dir,
    );
    return { key: readFileSync(path.join(dir, 'leaf.key'), 'utf8'), cert: readFileSync(path.join(dir, 'leaf.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An https site on 127.0.0.1 serving `pair`, answering 200 to everything. */
export async function startHttpsTarget(pair: { key: string; cert: string }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(pair, (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    response.end('ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
