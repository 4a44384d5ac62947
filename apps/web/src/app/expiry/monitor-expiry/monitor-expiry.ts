import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ExpiryLaneName } from '@mini-netumo/contracts';
import { messageOf } from '../../trpc/error-message';
import { ExpiryStatusStore } from '../data-access/expiry-status-store';
import { DomainPanel } from '../domain-panel/domain-panel';
import { TlsPanel } from '../tls-panel/tls-panel';

/** What "Check now" did, by the lanes the api says it queued: never "queued" when nothing was. */
export function queuedText(queued: readonly ExpiryLaneName[]): string {
  const tls = queued.includes('tls');
  const domain = queued.includes('domain');
  if (tls && domain) return 'Certificate and domain check queued';
  if (tls) return 'Certificate check queued';
  if (domain) return 'Domain check queued';
  return 'Nothing to check: this monitor has no certificate and no registrable domain';
}

/**
 * Certificate and domain expiry of one monitor, live, with a "Check now" for both. Drop it on a page:
 * `<app-monitor-expiry [monitorId]="id" />`.
 */
@Component({
  selector: 'app-monitor-expiry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, DomainPanel, TlsPanel],
  providers: [ExpiryStatusStore],
  template: `
    <section class="expiry" aria-labelledby="expiry-heading" data-testid="monitor-expiry">
      <header class="expiry-header">
        <h2 id="expiry-heading">{{ withCertificate() ? 'Certificate and domain' : 'Domain' }}</h2>
        <button mat-stroked-button type="button" data-testid="check-expiry-now" [disabled]="queueing()" (click)="checkNow()">
          Check now
        </button>
      </header>
      @if (store.error(); as message) {
        <div class="error-banner" role="alert">Could not load certificate and domain: {{ message }}</div>
      }
      @let tls = store.tls();
      @let domain = store.domain();
      @if (domain) {
        <div class="panels">
          @if (tls) {
            <app-tls-panel [status]="tls" data-testid="tls-panel" />
          }
          <app-domain-panel [status]="domain" data-testid="domain-panel" />
        </div>
      } @else if (!store.error()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading certificate and domain" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin: 16px 0;
    }
    .expiry-header {
      display: flex;
      align-items: center;
      gap: 8px 16px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
      flex: 1 1 auto;
    }
    .panels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
})
export class MonitorExpiry {
  readonly monitorId = input.required<string>();
  /**
   * False for a monitor whose kind has no certificate (DNS, TCP without TLS, plain http), for the heading shown
   * while loading; the panel itself follows the api, which has no certificate lane to give for such a monitor.
   */
  readonly withCertificate = input(true);

  protected readonly store = inject(ExpiryStatusStore);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly queueing = signal(false);

  constructor() {
    effect(() => {
      const id = this.monitorId();
      untracked(() => this.store.open(id));
    });
  }

  protected async checkNow(): Promise<void> {
    this.queueing.set(true);
    try {
      const { queued } = await this.store.checkNow();
      this.snackBar.open(queuedText(queued), undefined, { duration: queued.length > 0 ? 2_000 : 6_000 });
    } catch (error) {
      this.snackBar.open(messageOf(error), 'Dismiss', { duration: 6_000 });
    } finally {
      this.queueing.set(false);
    }
  }
}
