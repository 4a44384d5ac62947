import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TargetBehaviour = (req: IncomingMessage, res: ServerResponse) => void;

export interface TargetServer {
  url: string;
  /** Requests served so far. */
  hits(): number;
  /** Replaces how the server answers from now on. */
  behave(behaviour: TargetBehaviour): void;
  /** Answers every request with this status. */
  answer(status: number): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers a test can change while the product checks it. */
export async function startTargetServer(): Promise<TargetServer> {
  let behaviour: TargetBehaviour = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  let hits = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    hits++;
    behaviour(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    behave(next) {
      behaviour = next;
    },
    answer(status) {
      behaviour = (_req, res) => res.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
