import type { ExpirySettings } from '../config';
import type { Db } from '../db/client';
import type { ExpiryCountdown, ExpiryIncidentChange } from '../evaluation/expiry-incidents';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { ExpiryQueues } from '../queue/expiry-schedules';
import type { DomainLookupDeps } from './domain/domain-lookup';
import { createRdapBootstrapSource } from './domain/rdap-bootstrap';
import { createRegistryPacer } from './domain/registry-pacer';
import { createWhoisClient } from './domain/whois-lookup';
import type { AddressLookup } from './tls/resolve-addresses';

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

/** Everything the `check-tls` and `check-domain` jobs need; the worker builds one set and shares it. */
export interface ExpiryJobDeps {
  db: Db;
  events: EventBus;
  logger: Logger;
  tls: { timeoutMs: number; ca?: string | string[]; lookup?: AddressLookup };
  domain: DomainLookupDeps;
  cache: DomainCacheWindows;
  now: () => Date;
  /** When given, a job for a deleted monitor removes its scheduler (a create that failed half-way leaves one). */
  queues?: ExpiryQueues;
  /**
   * Told of every incident an expiry check opens or resolves, after it is stored: the seam where alerts
   * are sent. `alreadyAlertedBy` marks a certificate another monitor's incident already alerted about.
   */
  onIncidentChange?: (change: ExpiryIncidentChange) => Promise<void>;
  /** Told after each check of a certificate or registration that is expiring: the seam for countdown reminders. */
  onCountdown?: (countdown: ExpiryCountdown) => Promise<void>;
}

/** Registry servers get one query at a time, a second apart. */
const REGISTRY_GAP_MS = 1_000;

export function createExpiryJobDeps(
  base: { db: Db; events: EventBus; logger: Logger },
  settings: ExpirySettings,
  overrides: Partial<Omit<ExpiryJobDeps, 'db' | 'events' | 'logger'>> & { registryGapMs?: number } = {},
): ExpiryJobDeps {
  const pacer = createRegistryPacer(overrides.registryGapMs ?? REGISTRY_GAP_MS);
  return {
    ...base,
    tls: overrides.tls ?? { timeoutMs: settings.timeoutMs },
    domain: overrides.domain ?? {
      rdap: createRdapBootstrapSource({ url: settings.rdapBootstrapUrl, timeoutMs: settings.timeoutMs }),
      whois: createWhoisClient({ server: settings.whoisServer, timeoutMs: settings.timeoutMs, pacer }),
      pacer,
      timeoutMs: settings.timeoutMs,
    },
    cache: overrides.cache ?? DEFAULT_DOMAIN_CACHE,
    now: overrides.now ?? (() => new Date()),
    queues: overrides.queues,
    onIncidentChange: overrides.onIncidentChange,
    onCountdown: overrides.onCountdown,
  };
}

/** Live events and the notification seam are best effort: the facts are stored already. */
export async function tellAboutIncidents(deps: ExpiryJobDeps, changes: ExpiryIncidentChange[]): Promise<void> {
  for (const change of changes) {
    try {
      await deps.events.publish({ type: 'incident', incident: change.incident });
      await deps.onIncidentChange?.(change);
    } catch (error) {
      deps.logger.warn('could not announce an expiry incident', { incidentId: change.incident.id, error });
    }
  }
}

/** After the incidents are told: a countdown reminder may be due. Best effort like them. */
export async function tellAboutCountdown(deps: ExpiryJobDeps, countdown: ExpiryCountdown | null): Promise<void> {
  if (!countdown) return;
  try {
    await deps.onCountdown?.(countdown);
  } catch (error) {
    deps.logger.warn('could not send an expiry countdown reminder', { monitorId: countdown.monitorId, kind: countdown.kind, error });
  }
}
