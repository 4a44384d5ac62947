import { describe, expect, it } from 'vitest';
import { eventText } from './event-text';

describe('eventText', () => {
  it.each([
    [{ type: 'notified', actor: null, note: 'webhook Ops', suppressedBy: null }, 'Notification sent · webhook Ops'],
    [{ type: 'acknowledged', actor: 'ana', note: null, suppressedBy: null }, 'Acknowledged by ana'],
    [{ type: 'opened', actor: null, note: null, suppressedBy: 'maintenance' }, 'Opened · not sent: maintenance window'],
  ] as const)('%j → %s', (event, text) => expect(eventText(event)).toBe(text));
});
