import type { CheckVerdict, MonitorStatus } from '@mini-netumo/contracts';

export interface MonitorState {
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

export interface Thresholds {
  failureThreshold: number;
  recoveryThreshold: number;
}

export interface Evaluation {
  next: MonitorState;
  /** Set when the status changed; `down` opens an incident, `up` from `down` resolves it. */
  transition: { from: MonitorStatus; to: MonitorStatus } | null;
}

/**
 * The state machine of one monitor. PENDING until the first verdict; DOWN after `failureThreshold`
 * consecutive confirmed failures; back UP after `recoveryThreshold` consecutive successes. An `unknown`
 * verdict (our own side could not tell) changes nothing: it neither breaks nor extends a streak.
 */
export function evaluateCheck(state: MonitorState, verdict: CheckVerdict, thresholds: Thresholds): Evaluation {
  if (verdict === 'unknown') return { next: state, transition: null };
  const from = state.status;
  let next: MonitorState;
  if (verdict === 'up') {
    const consecutiveSuccesses = state.consecutiveSuccesses + 1;
    const recovered = from !== 'down' || consecutiveSuccesses >= thresholds.recoveryThreshold;
    next = { status: recovered ? 'up' : 'down', consecutiveFailures: 0, consecutiveSuccesses };
  } else {
    const consecutiveFailures = state.consecutiveFailures + 1;
    // Below the threshold nothing visible changes: up stays up, and a down that was recovering stays down.
    const status: MonitorStatus = consecutiveFailures >= thresholds.failureThreshold ? 'down' : from === 'paused' ? 'pending' : from;
    next = { status, consecutiveFailures, consecutiveSuccesses: 0 };
  }
  return { next, transition: next.status === from ? null : { from, to: next.status } };
}
