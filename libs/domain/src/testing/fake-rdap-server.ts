import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the fake registry answers one domain: a status and JSON body, or silence. */
export type FakeRdapAnswer = { status: number; body?: unknown } | 'hang';

export interface FakeRdapServer {
  /** The bootstrap document's URL: point RDAP_BOOTSTRAP_URL here. */
  bootstrapUrl: string;
  /** Which endings this registry serves in the bootstrap. */
  serveEndings(endings: string[]): void;
  answer(domain: string, answer: FakeRdapAnswer): void;
  /** An answer with an `expiration` event and a registrar entity, as RFC 9083 writes them. */
  answerExpiry(domain: string, expiresAt: Date, registrar?: string): void;
  bootstrapHits(): number;
  domainHits(domain?: string): number;
  close(): Promise<void>;
}

/** An IANA-style bootstrap and a registry RDAP server in one local HTTP server, counting every request. */
export async function startFakeRdapServer(): Promise<FakeRdapServer> {
  let endings: string[] = [];
  const answers = new Map<string, FakeRdapAnswer>();
  const hits = new Map<string, number>();
  let bootstrapHits = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res): void => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (path === '/bootstrap.json') {
      bootstrapHits++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '1.0', publication: new Date().toISOString(), services: [[endings, [`${base}/rdap/`]]] }));
      return;
    }
    const match = /^\/rdap\/domain\/(.+)$/.exec(path);
    if (!match?.[1]) {
      res.writeHead(400).end();
      return;
    }
    const domain = decodeURIComponent(match[1]).toLowerCase();
    hits.set(domain, (hits.get(domain) ?? 0) + 1);
    const answer = answers.get(domain) ?? { status: 404, body: { errorCode: 404, title: 'Not Found' } };
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/rdap+json' });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    bootstrapUrl: `${base}/bootstrap.json`,
    serveEndings: (next) => (endings = next),
    answer: (domain, answer) => answers.set(domain.toLowerCase(), answer),
    answerExpiry(domain, expiresAt, registrar = 'Example Registrar, Inc.') {
      answers.set(domain.toLowerCase(), {
        status: 200,
        body: {
          objectClassName: 'domain',
          ldhName: domain.toUpperCase(),
          events: [
            { eventAction: 'registration', eventDate: '2001-01-01T00:00:00Z' },
            { eventAction: 'expiration', eventDate: expiresAt.toISOString() },
          ],
          entities: [
            {
              objectClassName: 'entity',
              roles: ['registrar'],
              vcardArray: [
                'vcard',
                [
                  ['version', {}, 'text', '4.0'],
                  ['fn', {}, 'text', registrar],
                ],
              ],
            },
          ],
        },
      });
    },
    bootstrapHits: () => bootstrapHits,
    domainHits: (domain) => (domain ? (hits.get(domain.toLowerCase()) ?? 0) : [...hits.values()].reduce((sum, count) => sum + count, 0)),
    async close() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
