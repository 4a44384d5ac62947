import type { TlsAddressReport, TlsFailureKind, TlsState } from '@mini-netumo/contracts';
import { classifyTlsFailure } from '../../checks/net/classify-tls-failure';
import { lookupEveryAddress, type AddressLookup } from '../../checks/net/resolve-addresses';
import { refusalOfAny, type TargetGuard } from '../../checks/net/target-guard';
import { probeTlsAddress, type TlsTarget } from './tls-probe';
import { assessTlsProbe, worstTlsState } from './tls-verdict';

export interface TlsCheckOptions extends TlsTarget {
  thresholdDays: number;
  lookup?: AddressLookup;
  /** BLOCK_PRIVATE_TARGETS's guard: no handshake with a name any of whose addresses it refuses. */
  targetGuard?: TargetGuard | null;
  now?: () => Date;
}

/** One certificate check of a name: every address behind it, and the worst of them. Never throws for the target. */
export interface TlsCheckOutcome {
  host: string;
  port: number;
  checkedAt: Date;
  state: TlsState;
  /** Fewest days left over the addresses that served a certificate. */
  daysRemaining: number | null;
  addresses: TlsAddressReport[];
  /** Set when the name itself could not be resolved (then `addresses` is empty). */
  errorKind: TlsFailureKind | null;
  errorMessage: string | null;
}

/**
 * Resolves the name and handshakes with every address at once, each bounded by timeoutMs: a load balancer
 * with one stale node shows that node's certificate with its address instead of hiding it in an average.
 */
export async function runTlsCheck(options: TlsCheckOptions): Promise<TlsCheckOutcome> {
  const now = options.now ?? (() => new Date());
  const lookup = options.lookup ?? lookupEveryAddress;
  const { host, port } = options;
  let addresses;
  try {
    addresses = await lookup(host, options.timeoutMs);
  } catch (error) {
    const failure = classifyTlsFailure(error);
    return nameFailure(host, port, now(), failure.kind === 'handshake' ? 'dns' : failure.kind, failure.message);
  }
  if (addresses.length === 0) return nameFailure(host, port, now(), 'dns', `${host} has no address`);
  const refusal = options.targetGuard
    ? refusalOfAny(
        options.targetGuard,
        addresses.map(({ address }) => address),
        host,
      )
    : null;
  if (refusal) return nameFailure(host, port, now(), 'refused', refusal.message);

  const probes = await Promise.all(addresses.map((address) => probeTlsAddress(options, address)));
  const checkedAt = now();
  const reports = probes.map((probe) => assessTlsProbe(probe, checkedAt, options.thresholdDays));
  const days = reports.flatMap((report) => (report.daysRemaining === null ? [] : [report.daysRemaining]));
  return {
    host,
    port,
    checkedAt,
    state: worstTlsState(reports.map((report) => report.state)) ?? 'error',
    daysRemaining: days.length ? Math.min(...days) : null,
    addresses: reports,
    errorKind: null,
    errorMessage: null,
  };
}

function nameFailure(host: string, port: number, checkedAt: Date, kind: TlsFailureKind, message: string): TlsCheckOutcome {
  return { host, port, checkedAt, state: 'error', daysRemaining: null, addresses: [], errorKind: kind, errorMessage: message };
}
