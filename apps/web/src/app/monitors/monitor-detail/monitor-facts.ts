import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Monitor } from '@mini-netumo/contracts';
import { formatMs } from '../../ui/number-format';
import { Clock, RelativeTimePipe } from '../../ui/relative-time';
import { factsOf } from './kind-facts/kind-facts';

/** What the monitor checks and how, in one glance: its kind's facts around the ones every kind shares. */
@Component({
  selector: 'app-monitor-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RelativeTimePipe],
  template: `
    @let m = monitor();
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
      <div>
        <dt>Last checked</dt>
        <dd>
          <time
            data-testid="monitor-last-checked"
            [attr.datetime]="m.lastCheckedAt?.toISOString()"
            [attr.title]="m.lastCheckedAt?.toLocaleString()"
          >
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
      @for (fact of facts.details; track fact.label) {
        <div data-testid="fact">
          <dt>{{ fact.label }}</dt>
          <dd [class.warning]="fact.warning"><ng-container *ngTemplateOutlet="value; context: { $implicit: fact }" /></dd>
        </div>
      }
      <div>
        <dt>Down after</dt>
        <dd>
          {{ m.failureThreshold }} failed {{ m.failureThreshold === 1 ? 'check' : 'checks in a row' }}, {{ m.retries }}
          {{ m.retries === 1 ? 'retry' : 'retries' }} each
        </dd>
      </div>
      <div>
        <dt>Up after</dt>
        <dd>{{ m.recoveryThreshold }} good {{ m.recoveryThreshold === 1 ? 'check' : 'checks in a row' }}</dd>
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
}
