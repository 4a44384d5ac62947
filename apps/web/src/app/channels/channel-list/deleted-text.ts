import type { ChannelDeleted } from '../data-access/channel-store';

/** The toast after a delete: which monitors stopped alerting the channel, so nobody is surprised later. */
export function deletedText(name: string, result: ChannelDeleted): string {
  const monitors = result.detachedMonitors.map((monitor) => `"${monitor.name}"`);
  if (monitors.length === 0) return `Deleted "${name}"`;
  const which = monitors.length === 1 ? '1 monitor no longer alerts it' : `${monitors.length} monitors no longer alert it`;
  return `Deleted "${name}"; ${which}: ${monitors.join(', ')}`;
}
