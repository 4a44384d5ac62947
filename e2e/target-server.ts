import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The site the e2e monitor watches: a real HTTP server on 127.0.0.1 whose status the test switches. */
export interface Target {
  url: string;
  /** How many requests it has answered; a landed check has hit it. */
  hits(): number;
  respondWith(status: number): void;
  close(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  let status = 200;
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
    response.end(status < 400 ? 'ok\n' : 'broken on purpose\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    hits: () => hits,
    respondWith: (next) => {
      status = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
