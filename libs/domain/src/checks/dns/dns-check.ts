import { Resolver } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import { formatResolverAddress, parseResolverAddress, type CheckTimings, type DnsRecordType } from '@mini-netumo/contracts';
import type { TargetGuard } from '../net/target-guard';
import { classifyDnsError, type DnsCheckErrorKind } from './classify-dns-error';
import { answerMatches, clip, describeMismatch } from './expected-answer';
import { queryRecords } from './query-records';

export type { DnsCheckErrorKind } from './classify-dns-error';

export interface DnsCheckConfig {
  hostname: string;
  recordType: DnsRecordType;
  /** `host`, `host:port` or `[ipv6]:port`, IP addresses only; null for the system's resolvers. */
  resolver: string | null;
  /** Some answer must match it (see `answerMatches` for how, per type); null or blank: any answer passes. */
  expected: string | null;
  timeoutMs: number;
}

/** What the worker supplies around a monitor's config. */
export interface DnsCheckDeps {
  /** Refuses a resolver at an address it blocks; the system's resolvers are the operator's and never refused. */
  targetGuard?: TargetGuard | null;
}

/** A failed probe is data, not an exception: `runDnsCheck` never throws for anything the resolver does. */
export interface DnsCheckOutcome {
  ok: boolean;
  statusCode: null;
  latencyMs: number;
  timings: CheckTimings;
  errorKind: DnsCheckErrorKind | null;
  errorMessage: string | null;
  /** What the resolver answered, as text (bounded, since it is stored with every result); empty on failure. */
  answers: string[];
}

const MAX_ANSWERS = 32;
const MAX_ANSWER_CHARS = 1024;

/**
 * One query through a fresh Resolver, so a re-check does not inherit the last one's server penalties. Bounded
 * by `timeoutMs`: c-ares times out each server on its own, so with several system servers a deadline cancels it.
 */
export async function runDnsCheck(config: DnsCheckConfig, deps: DnsCheckDeps = {}): Promise<DnsCheckOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const outcome = (fields: Pick<DnsCheckOutcome, 'errorKind' | 'errorMessage' | 'answers'>, dnsMs: number | null) => {
    const totalMs = elapsed();
    const timings = { dnsMs, connectMs: null, tlsMs: null, firstByteMs: null, totalMs };
    return { ok: fields.errorKind === null, statusCode: null, latencyMs: totalMs, timings, ...fields };
  };

  const resolver = new Resolver({ timeout: config.timeoutMs, tries: 1 });
  if (config.resolver !== null) {
    // The contract rejects these; a monitor saved under an older rule still gets a readable failure, not a crash.
    const parsed = parseResolverAddress(config.resolver);
    if (!parsed.ok) return outcome({ errorKind: 'dns', errorMessage: parsed.error, answers: [] }, null);
    const refusal = deps.targetGuard?.refusal(parsed.address.host);
    if (refusal) {
      const message = `not asking resolver ${config.resolver}: ${refusal.message}`;
      return outcome({ errorKind: 'dns', errorMessage: message, answers: [] }, null);
    }
    resolver.setServers([formatResolverAddress(parsed.address)]);
  }

  const deadline = setTimeout(() => resolver.cancel(), config.timeoutMs);
  let answers: string[];
  try {
    answers = await queryRecords(resolver, config.recordType, config.hostname);
  } catch (error) {
    const { kind, message } = classifyDnsError(error, config);
    return outcome({ errorKind: kind, errorMessage: message, answers: [] }, elapsed());
  } finally {
    clearTimeout(deadline);
  }
  const dnsMs = elapsed();
  if (answers.length === 0) {
    // node reports NODATA as ENODATA itself; an empty list is the same answer reached another way.
    const message = classifyDnsError({ code: 'ENODATA' }, config).message;
    return outcome({ errorKind: 'dns', errorMessage: message, answers: [] }, dnsMs);
  }
  const shown = answers.slice(0, MAX_ANSWERS).map((answer) => clip(answer, MAX_ANSWER_CHARS));
  const expected = config.expected?.trim() ?? '';
  if (expected !== '' && !answers.some((answer) => answerMatches(config.recordType, expected, answer))) {
    const message = describeMismatch(config.recordType, config.hostname, expected, answers);
    return outcome({ errorKind: 'mismatch', errorMessage: message, answers: shown }, dnsMs);
  }
  return outcome({ errorKind: null, errorMessage: null, answers: shown }, dnsMs);
}
