import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** How the fake WHOIS server answers one query: text, or one of the ways real servers misbehave. */
export type FakeWhoisAnswer = string | 'hang' | 'close';

export interface FakeWhoisServer {
  host: string;
  port: number;
  answer(domain: string, answer: FakeWhoisAnswer): void;
  /** Queries received, all or for one domain. */
  hits(domain?: string): number;
  close(): Promise<void>;
}

/** A WHOIS server (RFC 3912: one line in, the answer out, then close) on a local port, counting queries. */
export async function startFakeWhoisServer(): Promise<FakeWhoisServer> {
  const answers = new Map<string, FakeWhoisAnswer>();
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk): void => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      const domain = buffer.slice(0, end).trim().toLowerCase();
      hits.set(domain, (hits.get(domain) ?? 0) + 1);
      const answer = answers.get(domain) ?? `No match for "${domain.toUpperCase()}".\r\n`;
      if (answer === 'close') socket.destroy();
      else if (answer !== 'hang') socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    answer: (domain, answer) => answers.set(domain.toLowerCase(), answer),
    hits: (domain) => (domain ? (hits.get(domain.toLowerCase()) ?? 0) : [...hits.values()].reduce((sum, count) => sum + count, 0)),
    async close() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
