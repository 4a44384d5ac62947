import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { HealthStore } from '../data-access/health-store';
import { degradedText } from './degraded-text';

/** Across the top of every page while monitoring itself is degraded; nothing at all when it is fine. */
@Component({
  selector: 'app-monitoring-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <div class="banner" role="alert" data-testid="monitoring-banner">
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.5 15 14H1z" />
          <path d="M8 6v3.5M8 11.5v.5" />
        </svg>
        <span>{{ text }}</span>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: 10px;
      padding: 10px 24px;
      background: var(--status-paused-bg);
      color: var(--status-paused-fg);
      border-bottom: 2px solid var(--status-paused-fg);
      font: var(--mat-sys-body-large);
    }
    svg {
      flex: none;
      width: 20px;
      height: 20px;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.5;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
  `,
})
export class MonitoringBanner {
  private readonly store = inject(HealthStore);
  protected readonly text = computed(() => {
    const health = this.store.health();
    return health ? degradedText(health) : null;
  });
}
