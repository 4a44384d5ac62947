import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestKeyPair {
  key: string;
  cert: string;
}

export interface LeafOptions {
  commonName: string;
  /** subjectAltName entries as openssl writes them: `DNS:example.test`, `IP:127.0.0.1`. */
  altNames: string[];
  notBefore: Date;
  notAfter: Date;
  /** Who signs: the intermediate (a normal site), the root directly, or the leaf itself. */
  signedBy?: 'intermediate' | 'root' | 'self';
}

/**
 * A throw-away PKI made with the openssl CLI at test time: a root CA, an intermediate under it, and leaves
 * with any validity window. `openssl ca` is used because only it can set a start date in the past or future
 * (OpenSSL 3.0's `x509`/`req` take a day count from now). EC keys keep it fast.
 */
export interface TestPki {
  root: TestKeyPair;
  intermediate: TestKeyPair;
  leaf(options: LeafOptions): TestKeyPair;
  dispose(): void;
}

const CONFIG = `
[ ca ]
default_ca = test_ca
[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any_name
unique_subject = no
email_in_dn = no
copy_extensions = none
[ any_name ]
commonName = supplied
[ ca_cert ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ leaf_cert ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = $ENV::MN_ALT_NAMES
`;

export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'mn-pki-'));
  writeFileSync(path.join(dir, 'openssl.cnf'), CONFIG);
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  let counter = 0;

  const run = (args: string[], altNames = 'DNS:unused.test') =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, MN_ALT_NAMES: altNames } });

  const issue = (
    commonName: string,
    window: { notBefore: Date; notAfter: Date },
    signer: { keyFile: string; certFile: string } | 'self',
    extensions: 'ca_cert' | 'leaf_cert',
    altNames?: string,
  ): TestKeyPair & { keyFile: string; certFile: string } => {
    const name = `c${++counter}`;
    const work = path.join(dir, name);
    mkdirSync(work);
    const keyFile = path.join(work, 'key.pem');
    const certFile = path.join(work, 'cert.pem');
    run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile]);
    run(['req', '-new', '-key', keyFile, '-subj', `/CN=${commonName}`, '-out', path.join(work, 'req.csr')]);
    const signing = signer === 'self' ? ['-selfsign', '-keyfile', keyFile] : ['-cert', signer.certFile, '-keyfile', signer.keyFile];
    run(
      [
        'ca',
        '-batch',
        '-notext',
        '-config',
        'openssl.cnf',
        ...signing,
        '-extensions',
        extensions,
        '-startdate',
        asn1Time(window.notBefore),
        '-enddate',
        asn1Time(window.notAfter),
        '-in',
        path.join(work, 'req.csr'),
        '-out',
        certFile,
      ],
      altNames,
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), keyFile, certFile };
  };

  const now = Date.now();
  const years = (n: number) => new Date(now + n * 365 * 86_400_000);
  const root = issue('mini-netumo Test Root', { notBefore: years(-1), notAfter: years(10) }, 'self', 'ca_cert');
  const intermediate = issue('mini-netumo Test Intermediate', { notBefore: years(-1), notAfter: years(5) }, root, 'ca_cert');

  return {
    root: { key: root.key, cert: root.cert },
    intermediate: { key: intermediate.key, cert: intermediate.cert },
    leaf(options) {
      const signer = options.signedBy === 'root' ? root : options.signedBy === 'self' ? 'self' : intermediate;
      const made = issue(options.commonName, options, signer, 'leaf_cert', options.altNames.join(','));
      return { key: made.key, cert: made.cert };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** GeneralizedTime, which `openssl ca -startdate/-enddate` accepts: YYYYMMDDHHMMSSZ. */
function asn1Time(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
}
