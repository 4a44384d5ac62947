import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { BodyAssertion, Monitor } from '@mini-netumo/contracts';
import { formatMs } from '../../ui/number-format';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';

/** What the monitor checks and how, in one glance. */
@Component({
  selector: 'app-monitor-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RelativeTimePipe],
  template: `
    @let m = monitor();
    <dl>
      <div class="wide">
        <dt>URL</dt>
        <dd><span class="method">{{ m.method }}</span> <a [href]="m.url" target="_blank" rel="noopener noreferrer">{{ m.url }}</a></dd>
      </div>
      <div>
        <dt>Last checked</dt>
        <dd>
          <time data-testid="monitor-last-checked" [attr.datetime]="m.lastCheckedAt?.toISOString()" [attr.title]="m.lastCheckedAt?.toLocaleString()">
            {{ m.lastCheckedAt | relativeTime: clock.now() }}
          </time>
        </dd>
      </div>
      <div>
        <dt>Latency</dt>
        <dd>{{ formatMs(m.lastLatencyMs) }}</dd>
      </div>
      <div>
        <dt>Every</dt>
        <dd>{{ m.intervalSeconds }} s, timeout {{ formatMs(m.timeoutMs) }}</dd>
      </div>
      <div>
        <dt>Expects</dt>
        <dd>{{ m.expectedStatusCodes }}{{ assertion() ? ', ' + assertion() : '' }}</dd>
      </div>
      <div>
        <dt>Down after</dt>
        <dd>{{ m.failureThreshold }} failed {{ m.failureThreshold === 1 ? 'check' : 'checks in a row' }}, {{ m.retries }} {{ m.retries === 1 ? 'retry' : 'retries' }} each</dd>
      </div>
      <div>
        <dt>Up after</dt>
        <dd>{{ m.recoveryThreshold }} good {{ m.recoveryThreshold === 1 ? 'check' : 'checks in a row' }}</dd>
      </div>
      <div>
        <dt>Redirects</dt>
        <dd>{{ m.followRedirects ? 'followed, up to ' + m.maxRedirects : 'not followed' }}</dd>
      </div>
      <div>
        <dt>TLS</dt>
        <dd [class.warning]="m.ignoreTlsErrors">{{ m.ignoreTlsErrors ? 'certificate errors ignored' : 'verified' }}</dd>
      </div>
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 12px 24px;
      margin: 0;
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .wide { grid-column: 1 / -1; }
    dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    dd { margin: 2px 0 0; word-break: break-word; }
    .method { font: var(--mat-sys-label-medium); padding: 1px 6px; border-radius: 4px; background: var(--mat-sys-surface-container-high); }
    .warning { color: var(--status-paused-fg); }
  `,
})
export class MonitorFacts {
  readonly monitor = input.required<Monitor>();

  protected readonly clock = inject(Clock);
  protected readonly formatMs = formatMs;
  protected readonly assertion = computed(() => describeAssertion(this.monitor().bodyAssertion));
}

/** "body contains "ok"", "JSON status equals "up"": the body check in words. */
export function describeAssertion(assertion: BodyAssertion | null): string | null {
  if (!assertion) return null;
  switch (assertion.type) {
    case 'contains':
      return `body contains "${assertion.value}"`;
    case 'not_contains':
      return `body does not contain "${assertion.value}"`;
    case 'regex':
      return `body matches /${assertion.pattern}/${assertion.flags}`;
    case 'json':
      return `JSON ${assertion.path} ${assertion.op} ${assertion.value}`;
  }
}
