import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AlertDelivery, LiveEvent } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { DeadLetters } from './dead-letters';

const INCIDENT_ID = '00000000-0000-4000-8000-0000000000a1';
const at = new Date('2026-01-01T00:00:00Z');
const letter = (id: string, monitorName: string): AlertDelivery => ({
  id,
  type: 'opened',
  incidentId: INCIDENT_ID,
  monitorId: '00000000-0000-4000-8000-0000000000b1',
  monitorName,
  channelId: '00000000-0000-4000-8000-0000000000c1',
  channelName: 'Pager',
  channelKind: 'webhook',
  fallbackChannelId: null,
  status: 'dead',
  attempts: [],
  attemptCount: 3,
  lastError: 'HTTP 500',
  createdAt: at,
  updatedAt: at,
  deliveredAt: null,
});
const SHOP = letter('00000000-0000-4000-8000-000000000001', 'Shop');
const BLOG = letter('00000000-0000-4000-8000-000000000002', 'Blog');

describe('DeadLetters: live', () => {
  let events: Subject<LiveEvent>;

  beforeEach(() => {
    events = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: TRPC, useValue: { alerts: { list: { query: async () => [SHOP, BLOG] } } } },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
  });

  it('drops a letter someone discarded elsewhere, and only that one', async () => {
    const fixture = TestBed.createComponent(DeadLetters);
    await fixture.whenStable();
    const monitors = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="dead-letter"] header a:first-of-type')].map((link) =>
        link.textContent?.trim(),
      );
    expect(monitors()).toEqual(['Shop', 'Blog']);

    events.next({ type: 'alert.discarded', deliveryId: SHOP.id, incidentId: INCIDENT_ID });
    await fixture.whenStable();
    expect(monitors()).toEqual(['Blog']);
  });
});
