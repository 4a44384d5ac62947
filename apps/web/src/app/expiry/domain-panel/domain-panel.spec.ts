import { TestBed } from '@angular/core/testing';
import type { DomainStatus } from '@mini-netumo/contracts';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_DOMAIN, aDomainStatus } from '../data-access/expiry-fixtures';
import { DomainPanel } from './domain-panel';

function render(status: DomainStatus): HTMLElement {
  const fixture = TestBed.createComponent(DomainPanel);
  fixture.componentRef.setInput('status', status);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
const classesOf = (root: HTMLElement, testId: string) => [...(root.querySelector(`[data-testid="${testId}"]`)?.classList ?? [])];

describe('DomainPanel', () => {
  it('shows unknown grey as "unknown", with the reason, never as healthy or expiring', () => {
    const panel = render(UNKNOWN_DOMAIN);
    expect(text(panel, 'domain-state')).toBe('unknown');
    expect(classesOf(panel, 'domain-state')).toContain('tone-neutral');
    expect(text(panel, 'domain-days-left')).toBe('unknown');
    expect(classesOf(panel, 'domain-days-left')).toContain('days-grey');
    expect(text(panel, 'domain-unknown-reason')).toContain('WHOIS whois.example:43 gives no expiry date');
    expect(text(panel, 'domain-expires-at')).toBe('—');
    expect(panel.querySelector('.tone-good, .tone-warning, .days-green, .days-amber')).toBeNull();
  });

  it('shows a healthy registration green with its date, registrar and source', () => {
    const panel = render(aDomainStatus());
    expect(text(panel, 'domain-name')).toBe('example.com');
    expect(text(panel, 'domain-state')).toBe('ok');
    expect(classesOf(panel, 'domain-state')).toContain('tone-good');
    expect(text(panel, 'domain-days-left')).toBe('200 days left');
    expect(classesOf(panel, 'domain-days-left')).toContain('days-green');
    expect(panel.querySelector('[data-testid="domain-expires-at"] time')?.getAttribute('datetime')).toBe('2025-07-20T12:00:00.000Z');
    expect(text(panel, 'domain-registrar')).toBe('Example Registrar, Inc.');
    expect(text(panel, 'domain-source')).toBe('RDAP');
    expect(panel.querySelector('[data-testid="domain-unknown-reason"]')).toBeNull();
  });

  it('shows an expiring registration amber, read from WHOIS', () => {
    const panel = render(aDomainStatus({ state: 'expiring', daysRemaining: 9, source: 'whois' }));
    expect(text(panel, 'domain-state')).toBe('expiring');
    expect(classesOf(panel, 'domain-state')).toContain('tone-warning');
    expect(text(panel, 'domain-days-left')).toBe('9 days left');
    expect(classesOf(panel, 'domain-days-left')).toContain('days-amber');
    expect(text(panel, 'domain-source')).toBe('WHOIS');
  });

  it("shows the monitor's own alert threshold", () => {
    expect(text(render(aDomainStatus({ thresholdDays: 45 })), 'domain-threshold')).toBe('45 days left');
  });

  it('says an IP target has no registration, with no state at all (it is never checked)', () => {
    const panel = render(
      aDomainStatus({
        registrableDomain: null,
        state: null,
        expiresAt: null,
        daysRemaining: null,
        source: null,
        registrar: null,
        checkedAt: null,
      }),
    );
    expect(panel.querySelector('[data-testid="domain-state"]')).toBeNull();
    expect(text(panel, 'domain-none')).toContain('IP address');
    expect(panel.querySelector('[data-testid="domain-days-left"]')).toBeNull();
  });

  it('says a domain not looked up yet is not checked', () => {
    const panel = render(
      aDomainStatus({ state: null, expiresAt: null, daysRemaining: null, source: null, registrar: null, checkedAt: null }),
    );
    expect(text(panel, 'domain-state')).toBe('not checked');
    expect(classesOf(panel, 'domain-state')).toContain('tone-neutral');
    expect(text(panel, 'domain-not-checked')).toContain('Not looked up yet');
  });
});
