import type { MonitorStatus } from '@mini-netumo/contracts';

export interface MonitorState {
  status: MonitorStatus;
  consecutiveFailures: number;
}

export interface Evaluation {
  next: MonitorState;
  /** Set when the status changed; `down` opens an incident, `up` from `down` resolves it. */
  transition: { from: MonitorStatus; to: MonitorStatus } | null;
}

/**
 * The state machine of one monitor. PENDING until the first verdict; DOWN after `failureThreshold`
 * consecutive failures; UP on the first success. A single failure below the threshold changes nothing visible.
 */
export function evaluateCheck(state: MonitorState, ok: boolean, failureThreshold: number): Evaluation {
  if (ok) {
    const next: MonitorState = { status: 'up', consecutiveFailures: 0 };
    return { next, transition: state.status === 'up' ? null : { from: state.status, to: 'up' } };
  }
  const consecutiveFailures = state.consecutiveFailures + 1;
  const reachedThreshold = consecutiveFailures >= failureThreshold;
  const status: MonitorStatus = reachedThreshold ? 'down' : state.status === 'paused' ? 'pending' : state.status;
  const next: MonitorState = { status, consecutiveFailures };
  return { next, transition: status === state.status ? null : { from: state.status, to: status } };
}
