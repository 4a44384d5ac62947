import { DestroyRef, Directive, ElementRef, afterNextRender, inject, signal } from '@angular/core';

/** Used until the first measurement, and where ResizeObserver does not exist (unit tests). */
const FALLBACK_WIDTH = 720;

/**
 * The width of its host element as a signal, for charts that draw in pixels (text must not stretch
 * with the viewBox). One ResizeObserver per chart; set as a host directive.
 */
@Directive({ selector: '[appHostWidth]' })
export class HostWidth {
  private readonly widthPx = signal(FALLBACK_WIDTH);
  readonly width = this.widthPx.asReadonly();

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    let observer: ResizeObserver | undefined;
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      observer = new ResizeObserver(([entry]) => {
        const width = Math.round(entry?.contentRect.width ?? 0);
        if (width > 0) this.widthPx.set(width);
      });
      observer.observe(element);
    });
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
  }
}
