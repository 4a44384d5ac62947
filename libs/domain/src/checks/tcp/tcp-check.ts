import { lookup as systemLookup } from 'node:dns/promises';
import { once } from 'node:events';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Certificate, CheckTimings } from '@mini-netumo/contracts';
import type { AddressLookup, ResolvedAddress } from '../net/resolve-addresses';
import type { TargetGuard } from '../net/target-guard';
import {
  certificateRejected,
  describeTcpFailure,
  expectedNotReceived,
  TcpFailure,
  type TcpErrorKind,
  type TcpFailureContext,
  type TcpPhase,
} from './describe-tcp-failure';
import { createProbeGuard, type ProbeGuard } from './probe-guard';
import { readUntilExpected } from './read-until-expected';
import { connectTls, inspectHandshake } from './tls-connection';

export interface TcpCheckConfig {
  host: string;
  port: number;
  timeoutMs: number;
  tls: boolean;
  /** Sent as SNI and matched against the certificate; the host when unset (an IP literal sends no SNI). */
  tlsServerName?: string | null;
  ignoreTlsErrors: boolean;
  /** Written as given, UTF-8: escapes such as `\r\n` are the caller's contract, not ours. */
  send: string | null;
  /** Text (UTF-8) the answer must contain; null means connecting (and sending) is enough. */
  expect: string | null;
  /** How much of the answer is searched for `expect`; 64 KiB when unset. */
  maxReadBytes?: number;
}

/** What the worker supplies around a monitor's config; tests point names at loopback and trust their own CA. */
export interface TcpCheckDeps {
  ca?: string | string[];
  lookup?: AddressLookup;
  /** Refuses the address it blocks, once resolved; null or absent: any address may be reached. */
  targetGuard?: TargetGuard | null;
}

/** A failed probe is data, not an exception: `runTcpCheck` never throws for anything the target does. */
export interface TcpCheckOutcome {
  ok: boolean;
  statusCode: null;
  latencyMs: number;
  timings: CheckTimings;
  errorKind: TcpErrorKind | null;
  errorMessage: string | null;
  /** The leaf of a completed handshake (also when it was rejected), for the TLS expiry lane; null without TLS. */
  certificate: Certificate | null;
}

const DEFAULT_MAX_READ_BYTES = 64 * 1024;

/** performance.now() as each phase ended; null for a phase that did not happen (or did not finish). */
interface PhaseMarks {
  dnsDone: number | null;
  connected: number | null;
  secured: number | null;
  firstByte: number | null;
}

/** The system resolver, as net.connect itself would ask it: the hosts file first, then DNS. */
const lookupWithSystem: AddressLookup = async (host) => {
  const { address, family } = await systemLookup(host);
  return [{ address, family: family === 6 ? 6 : 4 }];
};

/**
 * One probe over a fresh connection: resolve, connect, optionally TLS, optionally send, optionally read
 * until `expect` appears. One deadline bounds it all; the socket is destroyed however it ends.
 */
export async function runTcpCheck(config: TcpCheckConfig, deps: TcpCheckDeps = {}): Promise<TcpCheckOutcome> {
  const started = performance.now();
  const marks: PhaseMarks = { dnsDone: null, connected: null, secured: null, firstByte: null };
  const { host, timeoutMs, expect } = config;
  const context: TcpFailureContext = { host, target: hostPort(host, config.port), timeoutMs, expect };
  const maxReadBytes = config.maxReadBytes ?? DEFAULT_MAX_READ_BYTES;
  const guard = createProbeGuard(config.timeoutMs);
  let connection: Socket | undefined;
  let phase: TcpPhase = 'dns';
  let certificate: Certificate | null = null;

  const outcome = (failure: TcpFailure | null): TcpCheckOutcome => {
    const totalMs = duration(started, performance.now()) ?? 0;
    const timings: CheckTimings = {
      dnsMs: duration(started, marks.dnsDone),
      connectMs: duration(marks.dnsDone ?? started, marks.connected),
      tlsMs: duration(marks.connected, marks.secured),
      firstByteMs: duration(started, marks.firstByte),
      totalMs,
    };
    const error = { errorKind: failure?.kind ?? null, errorMessage: failure?.message ?? null };
    return { ok: failure === null, statusCode: null, latencyMs: totalMs, timings, ...error, certificate };
  };

  try {
    const address = await resolveHost(config, deps.lookup ?? lookupWithSystem, guard);
    if (!isIP(config.host)) {
      marks.dnsDone = performance.now();
      context.target = `${context.target} (${address.address})`;
    }
    // Judged once resolved, at every check: a name may point somewhere else since the monitor was saved.
    const refusal = deps.targetGuard?.refusal(address.address, config.host);
    if (refusal) throw new TcpFailure('refused', refusal.message);

    phase = 'connect';
    const serverName = config.tlsServerName || config.host;
    const secure = config.tls ? connectTls(address, config.port, { serverName, ca: deps.ca }) : null;
    connection = secure ?? connectTcp({ host: address.address, family: address.family, port: config.port });
    guard.watch(connection);
    await guard.step(once(connection, 'connect'));
    marks.connected = performance.now();

    if (secure) {
      phase = 'tls';
      await guard.step(once(secure, 'secureConnect'));
      marks.secured = performance.now();
      const handshake = inspectHandshake(secure, serverName);
      certificate = handshake.certificate;
      // Nothing is sent to a peer we do not trust.
      if (handshake.rejection && !config.ignoreTlsErrors) throw certificateRejected(context, handshake.rejection);
    }

    // Reading starts before the write: many protocols (SMTP, SSH, Redis errors) speak first or at once.
    const onFirstByte = () => (marks.firstByte ??= performance.now());
    const reading = expect === null ? null : readUntilExpected(connection, expect, maxReadBytes, onFirstByte);
    if (config.send !== null) {
      phase = 'send';
      await guard.step(writeFlushed(connection, config.send));
    }
    if (reading) {
      phase = 'read';
      const result = await guard.step(reading);
      if (result !== 'found') throw expectedNotReceived(context, result, maxReadBytes);
    }
    return outcome(null);
  } catch (error) {
    return outcome(error instanceof TcpFailure ? error : describeTcpFailure(error, phase, context));
  } finally {
    guard.dispose();
    connection?.destroy();
  }
}

/** An IP literal is its own address (no DNS phase); a name takes the first address the lookup gives. */
async function resolveHost(config: TcpCheckConfig, lookup: AddressLookup, guard: ProbeGuard): Promise<ResolvedAddress> {
  const literal = isIP(config.host);
  if (literal) return { address: config.host, family: literal === 6 ? 6 : 4 };
  const [first] = await guard.step(lookup(config.host, config.timeoutMs));
  if (!first) throw new TcpFailure('dns', `${config.host} has no address`);
  return first;
}

/** Resolves once node has handed the bytes to the kernel. */
function writeFlushed(stream: Socket, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, 'utf8', (error) => (error ? reject(error) : resolve())));
}

const hostPort = (host: string, port: number) => (isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`);

const duration = (from: number | null, to: number | null) => (from === null || to === null ? null : Math.max(0, Math.round(to - from)));
