import type { ExpiryCountdown, ExpiryIncidentChange } from '../alerting/incidents/expiry-incidents';
import type { AddressLookup } from '../checks/net/resolve-addresses';
import type { DomainContext } from '../runtime/domain-context';
import type { DomainLookupDeps } from './domain/domain-lookup';
import { createRdapBootstrapSource } from './domain/rdap-bootstrap';
import { createRegistryPacer } from './domain/registry-pacer';
import { createWhoisClient } from './domain/whois-lookup';

/** How long a domain lookup stands before the next one; tests shrink or stretch them. */
export interface DomainCacheWindows {
  /** A date or "not registered": one lookup per registrable domain per day. */
  freshMs: number;
  /** An unknown is asked again sooner: the registry may be back. */
  unknownFreshMs: number;
  /** "Check expiry now" still waits this long after the last lookup: registries punish hammering. */
  forcedFreshMs: number;
  /** A claim older than this belongs to a worker that died. */
  claimTimeoutMs: number;
}

export const DEFAULT_DOMAIN_CACHE: DomainCacheWindows = {
  freshMs: 24 * 3_600_000,
  unknownFreshMs: 3_600_000,
  forcedFreshMs: 10 * 60_000,
  claimTimeoutMs: 5 * 60_000,
};

/**
 * The machinery of the `check-tls` and `check-domain` jobs beside the context: the worker builds one and
 * shares it across jobs (the registry pacer and the RDAP bootstrap cache must be shared to work).
 */
export interface ExpiryLane {
  tls: { timeoutMs: number; ca?: string | string[]; lookup?: AddressLookup };
  domain: DomainLookupDeps;
  cache: DomainCacheWindows;
  now: () => Date;
  /**
   * Told of every incident an expiry check opens or resolves, after it is stored: the seam where alerts
   * are sent. `alreadyAlertedBy` marks a certificate another monitor's incident already alerted about.
   */
  onIncidentChange?: (ctx: DomainContext, change: ExpiryIncidentChange) => Promise<void>;
  /** Told after each check of a certificate or registration that is expiring: the seam for countdown reminders. */
  onCountdown?: (ctx: DomainContext, countdown: ExpiryCountdown) => Promise<void>;
}

/** Registry servers get one query at a time, a second apart. */
const REGISTRY_GAP_MS = 1_000;

export function createExpiryLane(ctx: DomainContext, overrides: Partial<ExpiryLane> & { registryGapMs?: number } = {}): ExpiryLane {
  const settings = ctx.settings.expiry;
  const pacer = createRegistryPacer(overrides.registryGapMs ?? REGISTRY_GAP_MS);
  return {
    tls: overrides.tls ?? { timeoutMs: settings.timeoutMs },
    domain: overrides.domain ?? {
      rdap: createRdapBootstrapSource({ url: settings.rdapBootstrapUrl, timeoutMs: settings.timeoutMs }),
      whois: createWhoisClient({ server: settings.whoisServer, timeoutMs: settings.timeoutMs, pacer }),
      pacer,
      timeoutMs: settings.timeoutMs,
    },
    cache: overrides.cache ?? DEFAULT_DOMAIN_CACHE,
    now: overrides.now ?? (() => new Date()),
    onIncidentChange: overrides.onIncidentChange,
    onCountdown: overrides.onCountdown,
  };
}

/** Live events and the notification seam are best effort: the facts are stored already. */
export async function tellAboutIncidents(ctx: DomainContext, lane: ExpiryLane, changes: ExpiryIncidentChange[]): Promise<void> {
  for (const change of changes) {
    try {
      await ctx.events.publish({ type: 'incident', incident: change.incident });
      await lane.onIncidentChange?.(ctx, change);
    } catch (error) {
      ctx.logger.warn('could not announce an expiry incident', { incidentId: change.incident.id, error });
    }
  }
}

/** After the incidents are told: a countdown reminder may be due. Best effort like them. */
export async function tellAboutCountdown(ctx: DomainContext, lane: ExpiryLane, countdown: ExpiryCountdown | null): Promise<void> {
  if (!countdown) return;
  try {
    await lane.onCountdown?.(ctx, countdown);
  } catch (error) {
    ctx.logger.warn('could not send an expiry countdown reminder', { monitorId: countdown.monitorId, kind: countdown.kind, error });
  }
}
