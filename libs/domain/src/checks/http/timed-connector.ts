import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector } from 'undici';
import type { CheckTimings } from '@mini-netumo/contracts';

/** Phase timestamps of the most recent connection; the connector fills them as the socket comes up. */
export interface ConnectionClock {
  startedAt: number;
  dnsDoneAt: number | null;
  tcpDoneAt: number | null;
  tlsDoneAt: number | null;
}

/**
 * A connector that records DNS, TCP and TLS phase times. undici's connector returns the socket it creates
 * (its type says void), which is how we see the TCP `connect` before the TLS `secureConnect`.
 */
export function createTimedConnector(options: { rejectUnauthorized: boolean; timeoutMs: number }) {
  const clock: ConnectionClock = { startedAt: 0, dnsDoneAt: null, tcpDoneAt: null, tlsDoneAt: null };
  const base = buildConnector({
    rejectUnauthorized: options.rejectUnauthorized,
    timeout: options.timeoutMs,
    lookup: (hostname: string, lookupOptions: object, callback: (...args: unknown[]) => void) => {
      dnsLookup(hostname, lookupOptions, (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
        clock.dnsDoneAt = performance.now();
        callback(error, address, family);
      });
    },
  } as buildConnector.BuildOptions);

  const connector: buildConnector.connector = (connectOptions, callback) => {
    clock.startedAt = performance.now();
    clock.dnsDoneAt = null;
    clock.tcpDoneAt = null;
    clock.tlsDoneAt = null;
    const https = connectOptions.protocol === 'https:';
    const socket = (base as unknown as (o: typeof connectOptions, c: typeof callback) => Socket | undefined)(
      connectOptions,
      (error, connected) => {
        if (!error && https) clock.tlsDoneAt = performance.now();
        callback(...([error, connected] as Parameters<typeof callback>));
      },
    );
    socket?.once('connect', () => {
      clock.tcpDoneAt = performance.now();
    });
  };
  return { connector, clock };
}

/** Turns the clock into durations; phases that did not happen (an IP literal has no DNS) are null. */
export function connectionTimings(clock: ConnectionClock): Pick<CheckTimings, 'dnsMs' | 'connectMs' | 'tlsMs'> {
  const round = (ms: number) => Math.max(0, Math.round(ms));
  const connectStart = clock.dnsDoneAt ?? clock.startedAt;
  return {
    dnsMs: clock.dnsDoneAt === null ? null : round(clock.dnsDoneAt - clock.startedAt),
    connectMs: clock.tcpDoneAt === null ? null : round(clock.tcpDoneAt - connectStart),
    tlsMs: clock.tlsDoneAt === null || clock.tcpDoneAt === null ? null : round(clock.tlsDoneAt - clock.tcpDoneAt),
  };
}
