import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { formatDuration } from '@mini-netumo/contracts';

/** "in 4m 59s" before `to`, "1m 5s ago" after it, "now" within the second. */
export function countdownText(to: Date, now: number): string {
  const left = to.getTime() - now;
  if (Math.abs(left) < 1_000) return 'now';
  return left > 0 ? `in ${formatDuration(left)}` : `${formatDuration(-left)} ago`;
}

/**
 * The time left until `to`, ticking every second (the app's Clock ticks every 5 s, too coarse for a deadline
 * that is minutes away). The exact time is in the tooltip.
 */
@Component({
  selector: 'app-countdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<time [attr.datetime]="to().toISOString()" [attr.title]="to().toLocaleString()">{{ text() }}</time>`,
})
export class Countdown {
  readonly to = input.required<Date>();

  private readonly now = signal(Date.now());
  protected readonly text = computed(() => countdownText(this.to(), this.now()));

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
