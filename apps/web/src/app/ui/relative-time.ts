import { DestroyRef, Injectable, Pipe, type PipeTransform, inject, signal } from '@angular/core';

const UNITS: ReadonlyArray<[limitSeconds: number, divisor: number, unit: string]> = [
  [60, 1, 's'],
  [3_600, 60, 'min'],
  [86_400, 3_600, 'h'],
  [Number.POSITIVE_INFINITY, 86_400, 'd'],
];

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago"; "never" without a date. */
export function relativeTime(date: Date | null | undefined, now: number): string {
  if (!date) return 'never';
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 5) return 'just now';
  const [, divisor, unit] = UNITS.find(([limit]) => seconds < limit) ?? UNITS[UNITS.length - 1];
  return `${Math.floor(seconds / divisor)} ${unit} ago`;
}

/** A coarse clock for relative times: one timer for the whole app instead of one per row. */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly tick = signal(Date.now());
  readonly now = this.tick.asReadonly();

  constructor() {
    const timer = setInterval(() => this.tick.set(Date.now()), 5_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}

/** `{{ date | relativeTime: clock.now() }}`: pure, re-evaluated when the clock ticks. */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(date: Date | null | undefined, now: number): string {
    return relativeTime(date, now);
  }
}
