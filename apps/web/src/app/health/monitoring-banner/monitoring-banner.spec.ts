import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Health } from '@mini-netumo/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { HealthStore } from '../data-access/health-store';
import { aHealth } from '../data-access/health-fixtures';
import { MonitoringBanner } from './monitoring-banner';

describe('MonitoringBanner', () => {
  const health = signal<Health | null>(null);

  function render(): HTMLElement {
    const fixture = TestBed.createComponent(MonitoringBanner);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    health.set(null);
    TestBed.configureTestingModule({ providers: [{ provide: HealthStore, useValue: { health } }] });
  });

  it('shows nothing before the first answer, nor while monitoring is ok', () => {
    expect(render().querySelector('[data-testid="monitoring-banner"]')).toBeNull();
    health.set(aHealth({ overdue: 2 }));
    expect(render().querySelector('[data-testid="monitoring-banner"]')).toBeNull();
  });

  it('alerts with the count and the problem while degraded, and goes away on recovery', () => {
    health.set(aHealth({ ok: false, overdue: 12, problem: 'no worker is running' }));
    const fixture = TestBed.createComponent(MonitoringBanner);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const banner = element.querySelector('[data-testid="monitoring-banner"]');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent?.trim()).toBe('Monitoring is degraded: 12 monitors are overdue — no worker is running');

    health.set(aHealth());
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="monitoring-banner"]')).toBeNull();
  });
});
