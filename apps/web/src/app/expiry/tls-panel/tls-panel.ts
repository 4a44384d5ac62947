import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TlsAddressReport, TlsStatus } from '@mini-netumo/contracts';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { DaysLeft } from '../days-left';
import { ExpiryStateChip } from '../expiry-state-chip';

/** Chain trust in words, with OpenSSL's code when it fails; "—" when no handshake completed. */
export function chainText(report: Pick<TlsAddressReport, 'chainValid' | 'chainError'>): string {
  if (report.chainValid === null) return '—';
  return report.chainValid ? 'trusted' : `not trusted: ${report.chainError ?? 'UNABLE_TO_VERIFY'}`;
}

/** Hostname match in words; "—" when no handshake completed. */
export function hostnameText(report: Pick<TlsAddressReport, 'hostnameMatches'>, host: string): string {
  if (report.hostnameMatches === null) return '—';
  return report.hostnameMatches ? `covers ${host}` : `does not cover ${host}`;
}

/**
 * The certificate lane of one monitor: the countdown of the soonest certificate, then every address behind
 * the host with its own state, chain trust and hostname match, shown apart because they are different repairs.
 */
@Component({
  selector: 'app-tls-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DaysLeft, ExpiryStateChip, RelativeTimePipe],
  templateUrl: './tls-panel.html',
  styleUrl: '../expiry-panel.scss',
})
export class TlsPanel {
  readonly status = input.required<TlsStatus>();

  protected readonly clock = inject(Clock);
  protected readonly chainText = chainText;
  protected readonly hostnameText = hostnameText;

  /** The address whose certificate ends first: the one the countdown is about. */
  protected readonly soonest = computed(() =>
    this.status()
      .addresses.filter((report) => report.certificate !== null)
      .reduce<TlsAddressReport | null>(
        (first, report) => (!first || (report.daysRemaining ?? 0) < (first.daysRemaining ?? 0) ? report : first),
        null,
      ),
  );
}
