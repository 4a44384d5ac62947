import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import type { BucketState } from '@mini-netumo/contracts';
import { LatencyChart, type LatencyPoint } from './latency-chart';

const point = (hour: number, avgMs: number | null, state: BucketState = avgMs === null ? 'none' : 'up'): LatencyPoint => ({
  start: new Date(Date.UTC(2025, 0, 1, hour)),
  avgMs,
  p95Ms: avgMs === null ? null : avgMs * 2,
  state,
  checks: avgMs === null ? 0 : 12,
  failures: 0,
});

function render(points: LatencyPoint[]) {
  const fixture = TestBed.createComponent(LatencyChart);
  fixture.componentRef.setInput('points', points);
  fixture.componentRef.setInput('bucket', 'hour');
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('LatencyChart', () => {
  it('breaks both lines over buckets without data and shades them', () => {
    const host = render([point(0, 40), point(1, 50), point(2, null), point(3, null, 'unknown'), point(4, 60), point(5, 70)]);
    const avg = host.querySelector('[data-testid="latency-avg-line"]')?.getAttribute('d') ?? '';
    const p95 = host.querySelector('[data-testid="latency-p95-line"]')?.getAttribute('d') ?? '';
    expect(avg.match(/M/g)).toHaveLength(2);
    expect(p95.match(/M/g)).toHaveLength(2);
    expect(host.querySelectorAll('rect.gap')).toHaveLength(1);
    expect([...host.querySelectorAll('rect[data-state]')].map((rect) => rect.getAttribute('data-state'))).toEqual([
      'up',
      'none',
      'unknown',
      'up',
    ]);
  });

  it('draws a lone bucket as a dot, since a path cannot show one point', () => {
    const host = render([point(0, null), point(1, 45), point(2, null)]);
    expect(host.querySelectorAll('circle.dot')).toHaveLength(2);
  });

  it('says so when the window has no response times', () => {
    const host = render([point(0, null), point(1, null)]);
    expect(host.querySelector('.empty')?.textContent).toContain('No response times');
    expect(host.querySelector('[data-testid="latency-avg-line"]')?.getAttribute('d')).toBe('');
  });

  it('labels the y axis in round milliseconds above the highest p95', () => {
    const host = render([point(0, 40), point(1, 55)]);
    const labels = [...host.querySelectorAll('text.label')].map((text) => text.textContent?.trim()).filter((text) => text?.endsWith('ms'));
    expect(labels).toEqual(['0 ms', '50 ms', '100 ms', '150 ms']);
  });
});
