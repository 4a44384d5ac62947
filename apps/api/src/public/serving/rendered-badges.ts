import type { PublicUptimeWindow } from '@mini-netumo/contracts';
import type { BadgeFacts, BadgeMetric } from '../badges/badge-facts';
import { renderBadgeSvg } from '../badges/badge-svg';
import { badgeText } from '../badges/badge-text';
import { shieldsEndpoint } from '../badges/shields-endpoint';
import { PUBLIC_CACHE_CONTROL } from './public-headers';
import { representation, type Representation } from './representation';

/** A monitor's badges, each drawn on first request and then kept with the snapshot. */
export interface RenderedBadges {
  get(metric: BadgeMetric, format: 'svg' | 'json', window: PublicUptimeWindow): Representation;
}

/** An SVG served as an image may still be opened on its own: no script, no outside resource. */
const SVG_HEADERS = {
  'cache-control': PUBLIC_CACHE_CONTROL,
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};
const JSON_HEADERS = { 'cache-control': PUBLIC_CACHE_CONTROL, 'x-content-type-options': 'nosniff', 'access-control-allow-origin': '*' };

export function renderBadges(facts: BadgeFacts): RenderedBadges {
  const drawn = new Map<string, Representation>();
  return {
    get(metric, format, window) {
      const key = `${metric}.${format}.${metric === 'uptime' ? window : ''}`;
      let answer = drawn.get(key);
      if (!answer) {
        answer =
          format === 'svg'
            ? representation('image/svg+xml; charset=utf-8', renderBadgeSvg(badgeText(metric, facts, window)), SVG_HEADERS)
            : representation('application/json; charset=utf-8', JSON.stringify(shieldsEndpoint(metric, facts, window)), JSON_HEADERS);
        drawn.set(key, answer);
      }
      return answer;
    },
  };
}
