import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { DomainSource, DomainStatus } from '@mini-netumo/contracts';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { DaysLeft } from '../days-left';
import { ExpiryStateChip } from '../expiry-state-chip';

export const SOURCE_LABELS: Record<DomainSource, string> = { rdap: 'RDAP', whois: 'WHOIS' };

/**
 * The registration of the monitor's domain: countdown, expiry date, registrar and where the date came from.
 * An `unknown` registration is grey and says so; it never borrows the look of a healthy or expiring one.
 */
@Component({
  selector: 'app-domain-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DaysLeft, ExpiryStateChip, RelativeTimePipe],
  templateUrl: './domain-panel.html',
  styleUrl: '../expiry-panel.scss',
})
export class DomainPanel {
  readonly status = input.required<DomainStatus>();

  protected readonly clock = inject(Clock);
  protected readonly sourceLabels = SOURCE_LABELS;
  /** What the countdown says when there is no date. */
  protected readonly noDateText = computed(() => {
    const state = this.status().state;
    return state === 'unknown' ? 'unknown' : state === 'not_registered' ? 'not registered' : '—';
  });
}
