import { connectTargetsOf, type KindSettings } from '../checks/monitor-kinds';
import { lookupEveryAddress } from '../checks/net/resolve-addresses';
import { refusalOfAny, targetGuardOf } from '../checks/net/target-guard';
import { ValidationError } from '../core/errors';
import { withTimeout } from '../core/with-timeout';
import type { DomainContext } from '../runtime/domain-context';

/** How long a save waits for a target's addresses (the system lookup behind DNS has no deadline of its own). */
const RESOLVE_TIMEOUT_MS = 5_000;

/**
 * With BLOCK_PRIVATE_TARGETS on, refuses a monitor whose probe would connect to an address the guard blocks,
 * naming the field (under `path`: `patch` in an edit). A name that does not resolve now is let through: its
 * checks report that, and judge its addresses again each time.
 */
export async function refuseBlockedTargets(
  ctx: Pick<DomainContext, 'settings'>,
  target: KindSettings,
  path: readonly string[] = [],
): Promise<void> {
  const guard = targetGuardOf(ctx.settings);
  if (!guard) return;
  for (const { field, host } of connectTargetsOf(target)) {
    const refusal = refusalOfAny(guard, await addressesOf(host), host);
    if (refusal) throw ValidationError.at([...path, field], `${field}: ${refusal.message}`);
  }
}

async function addressesOf(host: string): Promise<string[]> {
  try {
    const found = await withTimeout(lookupEveryAddress(host, RESOLVE_TIMEOUT_MS), RESOLVE_TIMEOUT_MS, `resolving ${host}`);
    return found.map(({ address }) => address);
  } catch {
    return [];
  }
}
