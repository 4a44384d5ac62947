import type { Executor } from '../../db/executor';
import { defaultChannelIds, existingChannelIds, replaceMonitorChannels } from '../../db/queries/channel-queries';
import { ValidationError } from '../../core/errors';

/**
 * Sets the channels a monitor's alerts go to. `undefined` (a create that did not say) means every channel
 * marked default at that moment; an explicit list, even empty, is taken as given once each id is checked.
 * `path`: where the list sits in the request, for the refusal of an unknown id (`patch.channelIds` in an edit).
 */
export async function linkMonitorChannels(
  db: Executor,
  monitorId: string,
  channelIds: string[] | undefined,
  path: readonly string[] = ['channelIds'],
): Promise<string[]> {
  const ids = channelIds === undefined ? await defaultChannelIds(db) : [...new Set(channelIds)];
  if (channelIds !== undefined) {
    const existing = await existingChannelIds(db, ids);
    const unknown = ids.find((id) => !existing.has(id));
    if (unknown) throw ValidationError.at(path, `channelIds: channel ${unknown} does not exist`);
  }
  await replaceMonitorChannels(db, monitorId, ids);
  return ids.sort();
}

export { channelIdsOfMonitor } from '../../db/queries/channel-queries';
