import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { StatusStrip, type StripCell } from './status-strip';

describe('StatusStrip', () => {
  it('draws one cell per bucket, coloured by state, and says what it shows', () => {
    const cells: StripCell[] = [
      { state: 'up', title: '10:00 up' },
      { state: 'up', title: '11:00 up' },
      { state: 'down', title: '12:00 down' },
      { state: 'none', title: '13:00 no data' },
    ];
    const fixture = TestBed.createComponent(StatusStrip);
    fixture.componentRef.setInput('cells', cells);
    fixture.componentRef.setInput('label', 'Last 4 hours');
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;

    const rects = [...host.querySelectorAll('rect')];
    expect(rects.map((rect) => rect.getAttribute('data-state'))).toEqual(['up', 'up', 'down', 'none']);
    expect(rects[2]?.getAttribute('fill')).toBe('var(--bucket-down)');
    expect(rects[2]?.querySelector('title')?.textContent).toBe('12:00 down');
    expect(host.getAttribute('role')).toBe('img');
    expect(host.getAttribute('aria-label')).toBe('Last 4 hours: 2 up, 1 down, 1 no data');
  });
});
