import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An http.Server or an Express app: both listen and answer the Server. */
interface Listenable {
  listen(port: number, host: string): Server;
}

export interface LoopbackServer {
  server: Server;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  /** Drops kept-alive connections first, so a spec never waits for a client's idle socket to time out. */
  close(): Promise<void>;
}

/** Starts a server under test on 127.0.0.1 at a free port and waits until it listens. */
export async function listenOnLoopback(listenable: Listenable): Promise<LoopbackServer> {
  const server = listenable.listen(0, '127.0.0.1');
  if (!server.listening) await once(server, 'listening');
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
