import { INCIDENT_UPDATE_STATE_LABELS, type BucketState, type PageOverallState, type PublicMonitorState } from '@mini-netumo/contracts';

/** The words a visitor reads for each state: colour is never the only signal. */
export const OVERALL_LABELS = {
  operational: 'All systems operational',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  maintenance: 'Under maintenance',
  unknown: 'Status unknown',
} satisfies Record<PageOverallState, string>;

export const MONITOR_LABELS = {
  up: 'Operational',
  down: 'Down',
  unknown: 'Unknown',
  maintenance: 'Maintenance',
  paused: 'Paused',
  pending: 'Not checked yet',
} satisfies Record<PublicMonitorState, string>;

export const UPDATE_LABELS = INCIDENT_UPDATE_STATE_LABELS;

/** Lowercase: they follow a day inside a sentence ("Dec 1: no data"). */
export const DAY_LABELS = {
  up: 'up',
  down: 'down',
  unknown: 'unknown',
  maintenance: 'maintenance',
  none: 'no data',
} satisfies Record<BucketState, string>;
