import { createServer } from 'node:net';

/**
 * The WHOIS server the e2e product asks (WHOIS_SERVER, see playwright.config.ts): every domain is registered
 * and ends 40½ days from the moment of the query, so it reads "40 days left" all day. RFC 3912: one line in,
 * the answer out, then close. Run as its own process: `tsx e2e/fake-whois.ts <port>`.
 */
export const FAKE_REGISTRAR = 'E2E Fake Registrar';
export const FAKE_DAYS_LEFT = 40;

export function fakeWhoisAnswer(domain: string, now = new Date()): string {
  const expires = new Date(now.getTime() + (FAKE_DAYS_LEFT + 0.5) * 86_400_000);
  return [
    `Domain Name: ${domain.toUpperCase()}`,
    `Registrar: ${FAKE_REGISTRAR}`,
    `Creation Date: 2020-01-01T00:00:00Z`,
    `Registry Expiry Date: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    '',
  ].join('\r\n');
}

function serve(port: number): void {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) socket.end(fakeWhoisAnswer(buffer.slice(0, end).trim().toLowerCase()));
    });
    // Playwright's readiness probe connects and hangs up without a query.
    socket.on('end', () => socket.end());
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`fake WHOIS on 127.0.0.1:${port}\n`));
}

if (process.argv[1]?.endsWith('fake-whois.ts')) serve(Number(process.argv[2]));
