import type { AddressInfo, Socket } from 'node:net';
import { createServer, type Server } from 'node:tls';
import type { TestKeyPair } from './test-certificates';

export interface TlsTestServer {
  port: number;
  /** Serves this key and certificate (chain) on one address from the next handshake on: a renewal. */
  serve(address: string, pair: TestKeyPair): void;
  close(): Promise<void>;
}

/**
 * TLS servers on one port at several loopback addresses (Linux routes all of 127/8 to lo), each with its own
 * certificate: one name behind many addresses, as a load balancer shows it. Retries a port taken on one address.
 */
export async function startTlsTestServer(pairs: Record<string, TestKeyPair>): Promise<TlsTestServer> {
  const addresses = Object.keys(pairs);
  for (let attempt = 0; ; attempt++) {
    const servers = new Map<string, Server>();
    const sockets = new Set<Socket>();
    try {
      let port = 0;
      for (const address of addresses) {
        const pair = pairs[address] as TestKeyPair;
        const server = createServer({ key: pair.key, cert: pair.cert }, (socket) => socket.end());
        server.on('connection', (socket: Socket) => {
          sockets.add(socket);
          socket.on('error', () => undefined);
          socket.on('close', () => sockets.delete(socket));
        });
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, address, () => resolve());
        });
        servers.set(address, server);
        port = (server.address() as AddressInfo).port;
      }
      return {
        port,
        serve: (address, pair) => servers.get(address)?.setSecureContext({ key: pair.key, cert: pair.cert }),
        async close() {
          sockets.forEach((socket) => socket.destroy());
          await Promise.all([...servers.values()].map((server) => new Promise((resolve) => server.close(resolve))));
        },
      };
    } catch (error) {
      await Promise.all([...servers.values()].map((server) => new Promise((resolve) => server.close(resolve))));
      if (attempt >= 5) throw error;
    }
  }
}
