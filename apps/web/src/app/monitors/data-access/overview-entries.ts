import {
  describeMonitorTarget,
  type CheckResult,
  type Monitor,
  type MonitorKind,
  type MonitorStaleness,
  type MonitorState,
  type MonitorStatus,
  type OverviewSnapshot,
} from '@mini-netumo/contracts';
import { byName } from './monitor-merge';
import { EMPTY_LATENCIES, barWithCheck, emptyBar, type OverviewBar } from './overview-bar';

/**
 * One monitor as the overview shows it: what a row draws and what its actions need, nothing of the monitor's
 * configuration. The overview holds one per monitor of the fleet, so it stays this small.
 */
export interface OverviewEntry {
  id: string;
  name: string;
  kind: MonitorKind;
  /** What is watched, in one line (the contract's describeTarget). */
  target: string;
  status: MonitorStatus;
  paused: boolean;
  stale: MonitorStaleness | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  lastCheckedAt: Date | null;
  uptime24h: number | null;
  bar: OverviewBar;
}

const date = (ms: number | null | undefined): Date | null => (ms === null || ms === undefined ? null : new Date(ms));

/** The snapshot's columns as entries, by name. */
export function entriesOf(snapshot: OverviewSnapshot): OverviewEntry[] {
  const entries = snapshot.monitorId.map((id, i): OverviewEntry => {
    const status = snapshot.status[i] ?? 'pending';
    const staleSince = date(snapshot.staleSinceMs[i]);
    return {
      id,
      name: snapshot.name[i] ?? '',
      kind: snapshot.kind[i] ?? 'http',
      target: snapshot.target[i] ?? '',
      status,
      paused: status === 'paused',
      stale: staleSince ? { since: staleSince, reason: snapshot.staleReason[i] ?? '' } : null,
      lastError: snapshot.lastError[i] ?? null,
      lastLatencyMs: snapshot.lastLatencyMs[i] ?? null,
      lastCheckedAt: date(snapshot.lastCheckedAtMs[i]),
      uptime24h: snapshot.uptime24h[i] ?? null,
      bar: {
        firstHourMs: snapshot.firstHourMs,
        states: snapshot.sparkStates[i] ?? '',
        latencies: snapshot.sparkLatencies[i] ?? EMPTY_LATENCIES,
      },
    };
  });
  return entries.sort(byName);
}

/** A monitor the server sent whole (created, edited, paused): its entry, keeping the bar and uptime already known. */
export function entryOfMonitor(monitor: Monitor, known: OverviewEntry | undefined, nowMs: number): OverviewEntry {
  return {
    ...stateFields(monitor),
    id: monitor.id,
    name: monitor.name,
    kind: monitor.kind,
    target: describeMonitorTarget(monitor),
    paused: monitor.paused,
    uptime24h: known?.uptime24h ?? null,
    bar: known?.bar ?? emptyBar(nowMs),
  };
}

/** A `monitor.state` event: the verdict fields moved, nothing else. */
export function withState(entry: OverviewEntry, state: MonitorState): OverviewEntry {
  return { ...entry, ...stateFields(state) };
}

function stateFields(state: MonitorState) {
  const { status, stale, lastError, lastLatencyMs, lastCheckedAt } = state;
  return { status, paused: status === 'paused', stale, lastError, lastLatencyMs, lastCheckedAt };
}

/**
 * A check the entry has not caught up with (the worker may send `check.result` before, or without, the monitor's
 * new state): its time, latency and error, painted into the bar. A newer result ends staleness, as on the server.
 * An older one only paints the bar. Returns the same entry when nothing changes.
 */
export function withCheckResult(entry: OverviewEntry, result: CheckResult): OverviewEntry {
  const bar = barWithCheck(entry.bar, result);
  const newer = !entry.lastCheckedAt || result.checkedAt.getTime() > entry.lastCheckedAt.getTime();
  if (!newer) return bar === entry.bar ? entry : { ...entry, bar };
  return {
    ...entry,
    bar,
    lastCheckedAt: result.checkedAt,
    lastLatencyMs: result.latencyMs,
    lastError: result.ok ? null : result.errorMessage,
    stale: null,
  };
}
