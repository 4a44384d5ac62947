import { signal } from '@angular/core';
import type { LiveEvent } from '@mini-netumo/contracts';
import { Subject, concat, of } from 'rxjs';
import type { LiveEvents } from './live-events';

/** Test code only: a LiveEvents whose stream is open; a spec pushes events and reconnections through the subjects. */
export function fakeLiveEvents() {
  const events = new Subject<LiveEvent>();
  const connected = new Subject<void>();
  const fake = {
    events,
    connected,
    connection: signal<'connecting' | 'live' | 'offline'>('live'),
    resync: concat(of(undefined), connected),
  };
  return fake satisfies Pick<LiveEvents, 'events' | 'connected' | 'resync'>;
}
