import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IncidentDetail as Detail, LiveEvent } from '@mini-netumo/contracts';
import { Subject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEvents } from '../../live/live-events';
import { TRPC } from '../../trpc/trpc';
import { FIXTURE_INCIDENT_ID, incidentDetailFixture } from '../incident-detail-fixture';
import { IncidentDetail } from './incident-detail';

const INCIDENT_ID = FIXTURE_INCIDENT_ID;
const OTHER_INCIDENT_ID = '00000000-0000-4000-8000-0000000000a2';
const at = new Date('2026-01-01T00:00:00Z');
const line = (id: string, type: Detail['timeline'][number]['type'], note: string | null): Detail['timeline'][number] => ({
  id,
  incidentId: INCIDENT_ID,
  type,
  at,
  actor: null,
  note,
  channelId: null,
  suppressedBy: null,
});
const detail = (timeline: Detail['timeline']): Detail => incidentDetailFixture({ openedAt: at, timeline });

describe('IncidentDetail: live', () => {
  let events: Subject<LiveEvent>;
  let get: ReturnType<typeof vi.fn<(input: { id: string }) => Promise<Detail>>>;

  beforeEach(() => {
    events = new Subject();
    get = vi.fn(async () => detail([line('00000000-0000-4000-8000-000000000001', 'opened', null)]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: TRPC, useValue: { incidents: { get: { query: get } } } },
        { provide: LiveEvents, useValue: { events, connected: new Subject<void>(), connection: signal('live') } },
      ],
    });
  });

  it("shows the discard line as soon as one of this incident's dead letters is discarded", async () => {
    const fixture = TestBed.createComponent(IncidentDetail);
    fixture.componentRef.setInput('id', INCIDENT_ID);
    await fixture.whenStable();
    const types = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="timeline-event"]')].map((item) =>
        item.getAttribute('data-event-type'),
      );
    expect(types()).toEqual(['opened']);

    get.mockResolvedValue(
      detail([
        line('00000000-0000-4000-8000-000000000001', 'opened', null),
        line('00000000-0000-4000-8000-000000000002', 'alert_discarded', 'opened notice discarded after: HTTP 500'),
      ]),
    );
    events.next({ type: 'alert.discarded', deliveryId: '00000000-0000-4000-8000-0000000000d1', incidentId: OTHER_INCIDENT_ID });
    await fixture.whenStable();
    expect(get).toHaveBeenCalledTimes(1);

    events.next({ type: 'alert.discarded', deliveryId: '00000000-0000-4000-8000-0000000000d2', incidentId: INCIDENT_ID });
    await vi.waitFor(() => expect(types()).toEqual(['opened', 'alert_discarded']));
  });
});
