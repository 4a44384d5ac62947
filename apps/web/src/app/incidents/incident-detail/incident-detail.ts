import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { IncidentDetail as Detail } from '@mini-netumo/contracts';
import { LiveEvents } from '../../live/live-events';
import { messageOf } from '../../trpc/error-message';
import { TRPC } from '../../trpc/trpc';
import { IncidentActions } from '../incident-actions';
import { IncidentUpdates } from '../incident-updates/incident-updates';
import { eventText } from './event-text';

/** One incident: its monitor, who acknowledged or resolved it, its public updates, and the timeline of what was sent. */
@Component({
  selector: 'app-incident-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink, IncidentUpdates],
  templateUrl: './incident-detail.html',
  styleUrl: './incident-detail.scss',
})
export class IncidentDetail {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly trpc = inject(TRPC);
  private readonly actions = inject(IncidentActions);

  protected readonly incident = signal<Detail | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly eventText = eventText;
  /** Sent with the "acknowledged" notice to the channels that heard about the incident. */
  protected readonly acknowledgeNote = signal('');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    const live = inject(LiveEvents);
    // Deliveries, discards and state changes add timeline lines; refetch rather than guess them.
    live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      const id = this.id();
      if (
        (event.type === 'incident' && event.incident.id === id) ||
        (event.type === 'alert.delivery' && event.delivery.incidentId === id) ||
        (event.type === 'alert.discarded' && event.incidentId === id)
      ) {
        void this.load(id);
      }
    });
    live.connected.pipe(takeUntilDestroyed()).subscribe(() => void this.load(this.id()));
  }

  protected async acknowledge(): Promise<void> {
    if (await this.actions.acknowledge(this.id(), this.acknowledgeNote())) await this.load(this.id());
  }

  protected async resolve(): Promise<void> {
    if (await this.actions.resolve(this.id())) await this.load(this.id());
  }

  protected reload(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    try {
      this.incident.set(await this.trpc.incidents.get.query({ id }));
      this.error.set(null);
    } catch (error) {
      this.error.set(messageOf(error));
    }
  }
}
