import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Monitor } from '@mini-netumo/contracts';
import { Countdown } from '../../ui/countdown';
import { formatMs } from '../../ui/number-format';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { isActiveMonitor } from '../active-monitor';
import { factsOf } from './kind-facts/kind-facts';

/**
 * What the monitor checks and how, in one glance: its kind's facts, and either how it is probed (an active kind)
 * or when its job last pinged and must ping next (a heartbeat).
 */
@Component({
  selector: 'app-monitor-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NgTemplateOutlet, Countdown, RelativeTimePipe],
  template: `
    @let facts = kindFacts();
    <ng-template #value let-fact>
      @if (fact.tag) {
        <!-- The space is kept, so the tag and the text are two words to a screen reader and to copy-paste. -->
        <span class="tag">{{ fact.tag }}</span>{{ ' ' }}
      }
      @if (fact.href) {
        <a [href]="fact.href" target="_blank" rel="noopener noreferrer">{{ fact.text }}</a>
      } @else if (fact.code) {
        <code>{{ fact.text }}</code>
      } @else {
        {{ fact.text }}
      }
    </ng-template>
    <dl>
      <div class="wide" data-testid="fact-target">
        <dt>{{ facts.target.label }}</dt>
        <dd><ng-container *ngTemplateOutlet="value; context: { $implicit: facts.target }" /></dd>
      </div>
      @if (active(); as a) {
        <div>
          <dt>Last checked</dt>
          <dd>
            <time
              data-testid="monitor-last-checked"
              [attr.datetime]="a.lastCheckedAt?.toISOString()"
              [attr.title]="a.lastCheckedAt?.toLocaleString()"
            >
              {{ a.lastCheckedAt | relativeTime: clock.now() }}
            </time>
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{{ formatMs(a.lastLatencyMs) }}</dd>
        </div>
        <div>
          <dt>Every</dt>
          <dd>{{ a.intervalSeconds }} s, timeout {{ formatMs(a.timeoutMs) }}</dd>
        </div>
      } @else if (heartbeat(); as h) {
        <div>
          <dt>Last ping</dt>
          <dd>
            <time
              data-testid="heartbeat-last-ping"
              [attr.datetime]="h.lastPingAt?.toISOString()"
              [attr.title]="h.lastPingAt?.toLocaleString()"
            >
              {{ h.lastPingAt | relativeTime: clock.now() }}
            </time>
          </dd>
        </div>
        <div>
          <dt>Next ping expected</dt>
          <dd data-testid="heartbeat-expected">
            @if (h.expectedAt; as expected) {
              <time [attr.datetime]="expected.toISOString()">{{ expected | date: 'MMM d, HH:mm:ss' }}</time>
            } @else {
              {{ h.paused ? 'not while paused' : 'after the first ping' }}
            }
          </dd>
        </div>
        <!-- Silence (or an unfinished run) past this is DOWN. -->
        <div>
          <dt>Deadline</dt>
          <dd data-testid="heartbeat-deadline">
            @if (h.deadlineAt; as deadline) {
              <app-countdown [to]="deadline" />
            } @else {
              —
            }
          </dd>
        </div>
        @if (h.runStartedAt; as started) {
          <div>
            <dt>Run in progress</dt>
            <dd data-testid="heartbeat-run-started">
              started
              <time [attr.datetime]="started.toISOString()" [attr.title]="started.toLocaleString()">{{
                started | relativeTime: clock.now()
              }}</time>
            </dd>
          </div>
        }
      }
      @for (fact of facts.details; track fact.label) {
        <div data-testid="fact">
          <dt>{{ fact.label }}</dt>
          <dd [class.warning]="fact.warning"><ng-container *ngTemplateOutlet="value; context: { $implicit: fact }" /></dd>
        </div>
      }
      @if (active(); as a) {
        <div>
          <dt>Down after</dt>
          <dd>
            {{ a.failureThreshold }} failed {{ a.failureThreshold === 1 ? 'check' : 'checks in a row' }}, {{ a.retries }}
            {{ a.retries === 1 ? 'retry' : 'retries' }} each
          </dd>
        </div>
        <div>
          <dt>Up after</dt>
          <dd>{{ a.recoveryThreshold }} good {{ a.recoveryThreshold === 1 ? 'check' : 'checks in a row' }}</dd>
        </div>
      }
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
    .wide {
      grid-column: 1 / -1;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      word-break: break-word;
    }
    .tag {
      font: var(--mat-sys-label-medium);
      padding: 1px 6px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    code {
      font-family: ui-monospace, monospace;
    }
    .warning {
      color: var(--status-paused-fg);
    }
  `,
})
export class MonitorFacts {
  readonly monitor = input.required<Monitor>();

  protected readonly clock = inject(Clock);
  protected readonly formatMs = formatMs;
  protected readonly kindFacts = computed(() => factsOf(this.monitor()));
  /** The monitor, when it is of a kind we probe: only those have an interval, thresholds and retries. */
  protected readonly active = computed(() => {
    const monitor = this.monitor();
    return isActiveMonitor(monitor) ? monitor : null;
  });
  protected readonly heartbeat = computed(() => {
    const monitor = this.monitor();
    return monitor.kind === 'heartbeat' ? monitor : null;
  });
}
