import { gzipSync } from 'node:zlib';
import superjson from 'superjson';
import { overviewSnapshotSchema, toOverviewWire } from '@mini-netumo/contracts';
import { openDatabase, statsOverview } from '@mini-netumo/domain';
import { testDomainContext } from '@mini-netumo/domain/testing';
import { percentile } from './percentiles';

export interface OverviewFigure {
  p50Ms: number;
  p95Ms: number;
  /** Distinct statements per call. */
  queries: number;
  /** The answer's JSON as superjson writes it, and gzipped as the api sends it to a browser. */
  rawBytes: number;
  wireBytes: number;
}

/**
 * The overview's server time for a fleet with a month of history (seedHistory, by the caller): read and encode (statsOverview), validate and
 * serialize as the router and tRPC do. The size on the wire is the same JSON gzipped at the api's level.
 */
export async function timeOverview(
  databaseUrl: string,
  monitors: number,
  calls: number,
  log: (line: string) => void,
): Promise<OverviewFigure> {
  // Distinct statements per call; postgres.js's one-off pg_type reads on a new connection are not per-call work.
  const statements = new Set<string>();
  const database = openDatabase(databaseUrl, { onQuery: (query) => !query.includes('pg_catalog.pg_type') && statements.add(query) });
  try {
    const now = new Date();
    // The overview reads the database only: no queue or event bus is needed to time it.
    const ctx = testDomainContext(database);
    // As the router answers: validated, sent as one JSON text, serialized by tRPC's superjson.
    const serve = async () => superjson.stringify(toOverviewWire(overviewSnapshotSchema.parse(await statsOverview(ctx, now))));
    statements.clear();
    const body = await serve();
    const queries = statements.size;
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await serve();
      times.push(performance.now() - started);
    }
    const figure = {
      p50Ms: round(percentile(times, 0.5)),
      p95Ms: round(percentile(times, 0.95)),
      queries,
      rawBytes: Buffer.byteLength(body),
      wireBytes: gzipSync(body).length,
    };
    log(`overview: ${monitors} monitors: ${JSON.stringify(figure)}`);
    return figure;
  } finally {
    await database.close();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
