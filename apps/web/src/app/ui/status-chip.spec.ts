import { TestBed } from '@angular/core/testing';
import { MONITOR_STATUSES, type MonitorStaleness, type MonitorStatus } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { STATUS_LOOKS, StatusChip } from './status-chip';

const STALE = { since: new Date(), reason: 'no check since 14:02:10 (expected every 20 s); schedule re-created' };

function render(status: MonitorStatus, stale: MonitorStaleness | null = null): HTMLElement {
  const fixture = TestBed.createComponent(StatusChip);
  fixture.componentRef.setInput('status', status);
  fixture.componentRef.setInput('stale', stale);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const tones = (chip: HTMLElement) => [...chip.classList].filter((name) => name.startsWith('tone-'));

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

  it.each(MONITOR_STATUSES)('says "stale", in its own tone, for a stale monitor whose last verdict is %s', (status) => {
    const chip = render(status, STALE);
    expect(chip.textContent?.trim()).toBe('stale');
    expect(tones(chip)).toEqual(['tone-stale']);
    expect(chip.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(chip.getAttribute('title')).toContain(STALE.reason);
    expect(chip.getAttribute('title')).toMatch(/^Stale since /);
    expect(chip.getAttribute('data-status')).toBe(status);
    expect(chip.hasAttribute('data-stale')).toBe(true);
  });

  it('keeps the last verdict in the title, secondary', () => {
    expect(render('up', STALE).getAttribute('title')).toMatch(/; last verdict: up$/);
  });

  it('goes back to the status once fresh again', () => {
    const fixture = TestBed.createComponent(StatusChip);
    fixture.componentRef.setInput('status', 'up');
    fixture.componentRef.setInput('stale', STALE);
    fixture.detectChanges();
    fixture.componentRef.setInput('stale', null);
    fixture.detectChanges();
    const chip = fixture.nativeElement as HTMLElement;
    expect(chip.textContent?.trim()).toBe('up');
    expect(tones(chip)).toEqual(['tone-good']);
    expect(chip.getAttribute('title')).toBe(STATUS_LOOKS.up.description);
    expect(chip.hasAttribute('data-stale')).toBe(false);
  });
});
