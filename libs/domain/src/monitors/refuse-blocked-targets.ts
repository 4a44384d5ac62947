import type { MonitorPatch } from '@mini-netumo/contracts';
import { connectTargetsOf, type KindSettings } from '../checks/monitor-kinds';
import { lookupEveryAddress } from '../checks/net/resolve-addresses';
import { refusalOfAny, targetGuardOf } from '../checks/net/target-guard';
import { ValidationError } from '../core/errors';
import { withTimeout } from '../core/with-timeout';
import { findMonitor } from '../db/queries/monitor-queries';
import type { DomainContext } from '../runtime/domain-context';
import { rowChangesOf } from './monitor-config-parts';

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

/**
 * The same for an edit, judged before the edit locks its row: resolving a name may take seconds. Only an edit of
 * the kind's own settings is judged, as on a create; a rename or a pause leaves alone a target saved before the
 * guard was on (its checks refuse it). An edit racing another is judged again at every check.
 */
export async function refuseBlockedEdit(ctx: Pick<DomainContext, 'settings' | 'db'>, id: string, patch: MonitorPatch): Promise<void> {
  if (!targetGuardOf(ctx.settings)) return;
  const current = await findMonitor(ctx.db, id);
  // No such monitor: the edit itself says so.
  if (!current) return;
  const { channelIds: _channelIds, ...fields } = patch;
  const { target } = rowChangesOf(current, fields);
  if (target) await refuseBlockedTargets(ctx, target, ['patch']);
}

async function addressesOf(host: string): Promise<string[]> {
  try {
    const found = await withTimeout(lookupEveryAddress(host, RESOLVE_TIMEOUT_MS), RESOLVE_TIMEOUT_MS, `resolving ${host}`);
    return found.map(({ address }) => address);
  } catch {
    return [];
  }
}
