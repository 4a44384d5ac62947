/** What a badge may say about one monitor on a public status page (built by the domain, nothing private). */
export type { BadgeFacts } from '@mini-netumo/domain';

export const BADGE_METRICS = ['status', 'uptime', 'latency', 'cert'] as const;
export type BadgeMetric = (typeof BADGE_METRICS)[number];
