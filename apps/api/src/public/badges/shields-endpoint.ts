import type { PublicUptimeWindow } from '@mini-netumo/contracts';
import type { BadgeFacts, BadgeMetric } from './badge-facts';
import { badgeText } from './badge-text';

/** The shields.io "endpoint" badge format (https://shields.io/badges/endpoint-badge). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

/** The same words and colour as our own SVG badge; shields reads hex colours without their `#`. */
export function shieldsEndpoint(metric: BadgeMetric, facts: BadgeFacts, window: PublicUptimeWindow = '24h'): ShieldsEndpoint {
  const { label, message, color } = badgeText(metric, facts, window);
  return { schemaVersion: 1, label, message, color: color.replace(/^#/, '') };
}
