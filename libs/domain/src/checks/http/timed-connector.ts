import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector } from 'undici';
import type { CheckTimings } from '@mini-netumo/contracts';
import { refusalOfAny, type TargetGuard } from '../net/target-guard';

/** Phase timestamps of the most recent connection; the connector fills them as the socket comes up. */
export interface ConnectionClock {
  startedAt: number;
  dnsDoneAt: number | null;
  tcpDoneAt: number | null;
  tlsDoneAt: number | null;
}

export interface TimedConnectorOptions {
  rejectUnauthorized: boolean;
  timeoutMs: number;
  /** Refuses addresses before any connection to them: every hop of a redirect comes through here. */
  targetGuard?: TargetGuard | null;
}

/**
 * A connector that records DNS, TCP and TLS phase times. undici's connector returns the socket it creates
 * (its type says void), which is how we see the TCP `connect` before the TLS `secureConnect`.
 */
export function createTimedConnector(options: TimedConnectorOptions) {
  const clock: ConnectionClock = { startedAt: 0, dnsDoneAt: null, tcpDoneAt: null, tlsDoneAt: null };
  const guard = options.targetGuard ?? null;
  const base = buildConnector({
    rejectUnauthorized: options.rejectUnauthorized,
    timeout: options.timeoutMs,
    lookup: (hostname: string, lookupOptions: object, callback: (...args: unknown[]) => void) => {
      dnsLookup(hostname, lookupOptions, (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
        clock.dnsDoneAt = performance.now();
        const refusal = error || !guard ? null : refusalOfAny(guard, addressesOf(address), hostname);
        callback(refusal ?? error, address, family);
      });
    },
  } as buildConnector.BuildOptions);

  const connector: buildConnector.connector = (connectOptions, callback) => {
    clock.startedAt = performance.now();
    clock.dnsDoneAt = null;
    clock.tcpDoneAt = null;
    clock.tlsDoneAt = null;
    // node connects to an IP literal without calling `lookup`, so it is judged here.
    const literal = connectOptions.hostname.replace(/^\[|\]$/g, '');
    const refusal = guard && isIP(literal) ? guard.refusal(literal) : null;
    if (refusal) return void queueMicrotask(() => callback(refusal, null));
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

const addressesOf = (answer: string | LookupAddress[]) => (typeof answer === 'string' ? [answer] : answer.map((entry) => entry.address));

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
