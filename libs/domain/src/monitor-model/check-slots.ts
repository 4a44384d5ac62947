import { isActiveKind, type MonitorKind } from '@mini-netumo/contracts';
import { stableOffsetMs } from '../core/stable-offset';

/** The monitor's first slot strictly after `after`: its beat is every interval, at its stable offset. */
export function nextSlotAfter(monitorId: string, intervalMs: number, after: number): number {
  const offset = stableOffsetMs(monitorId, intervalMs);
  return Math.floor((after - offset) / intervalMs) * intervalMs + offset + intervalMs;
}

/**
 * When a monitor saved now is next checked: at once when it is active (a new or edited monitor deserves its
 * verdict now, not up to an interval later), never while paused, and never for a passive kind (pings decide).
 */
export function checkDueOnSave(monitor: { kind: MonitorKind; paused: boolean }, now: Date): Date | null {
  return monitor.paused || !isActiveKind(monitor.kind) ? null : now;
}
