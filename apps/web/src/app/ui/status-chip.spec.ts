import { TestBed } from '@angular/core/testing';
import { MONITOR_STATUSES, type MonitorStatus } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { STATUS_LOOKS, StatusChip } from './status-chip';

function render(status: MonitorStatus): HTMLElement {
  const fixture = TestBed.createComponent(StatusChip);
  fixture.componentRef.setInput('status', status);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('StatusChip', () => {
  it('has a look for every status of the contract', () => {
    expect(Object.keys(STATUS_LOOKS).sort()).toEqual([...MONITOR_STATUSES].sort());
  });

  it.each([
    ['up', 'tone-good'],
    ['down', 'tone-bad'],
    ['pending', 'tone-neutral'],
    ['paused', 'tone-warning'],
  ] as const)('shows %s with the %s colour', (status, toneClass) => {
    const chip = render(status);
    expect(chip.textContent?.trim()).toBe(status);
    expect(chip.getAttribute('data-testid')).toBe('monitor-status');
    expect(chip.classList).toContain(toneClass);
    expect([...chip.classList].filter((name) => name.startsWith('tone-'))).toEqual([toneClass]);
  });

  it('follows a status change', () => {
    const fixture = TestBed.createComponent(StatusChip);
    fixture.componentRef.setInput('status', 'up');
    fixture.detectChanges();
    fixture.componentRef.setInput('status', 'down');
    fixture.detectChanges();
    const chip = fixture.nativeElement as HTMLElement;
    expect(chip.textContent?.trim()).toBe('down');
    expect(chip.classList).toContain('tone-bad');
    expect(chip.classList).not.toContain('tone-good');
  });
});
