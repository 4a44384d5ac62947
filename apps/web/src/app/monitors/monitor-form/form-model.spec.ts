import { describe, expect, it } from 'vitest';
import { aDnsMonitor, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
import { emptyFormValue, toFormValue, toMonitorInput, toPatch } from './form-model';
import { validateMonitorForm } from './form-errors';

describe('toFormValue', () => {
  it('fills the shared inputs and the monitor’s kind, leaving the other kinds empty', () => {
    const value = toFormValue(aTcpMonitor({ name: 'Redis', port: 6379, retries: 3, expiryReminderDays: [5, 1] }));
    expect(value).toMatchObject({ kind: 'tcp', name: 'Redis', retries: 3, expiryReminderDays: '5, 1' });
    expect(value.byKind.tcp).toMatchObject({ host: 'mail.example.com', port: 6379 });
    expect(value.byKind.http).toEqual(emptyFormValue().byKind.http);
  });

  it.each([aMonitor(), aTcpMonitor({ send: 'EHLO x\r\n' }), aDnsMonitor({ resolver: '[::1]:5353' })])(
    'reads back as the saved config: %j',
    (monitor) => {
      const result = validateMonitorForm(toFormValue(monitor));
      const {
        id: _id,
        status: _s,
        consecutiveFailures: _f,
        consecutiveSuccesses: _c,
        lastCheckedAt: _l,
        lastLatencyMs: _m,
        lastError: _e,
        stale: _t,
        createdAt: _a,
        updatedAt: _u,
        ...config
      } = monitor;
      expect(result).toEqual({ config });
    },
  );
});

describe('toMonitorInput', () => {
  it('sends the kind with its own fields and the shared ones', () => {
    const value = { ...emptyFormValue(), kind: 'dns' as const, name: 'Zone' };
    expect(Object.keys(toMonitorInput(value)).sort()).toEqual(
      [
        'kind',
        'name',
        'intervalSeconds',
        'timeoutMs',
        'failureThreshold',
        'retries',
        'retryDelayMs',
        'recoveryThreshold',
        'tlsAlertDays',
        'domainAlertDays',
        'expiryReminderDays',
        'hostname',
        'recordType',
        'resolver',
        'expected',
      ].sort(),
    );
  });
});

describe('toPatch', () => {
  it('sends neither kind (fixed once saved) nor paused (the Pause button’s job)', () => {
    const result = validateMonitorForm(toFormValue(aDnsMonitor()));
    if (!('config' in result)) throw new Error('the fixture should be valid');
    const patch = toPatch(result.config);
    expect(patch).not.toHaveProperty('kind');
    expect(patch).not.toHaveProperty('paused');
    expect(patch).toMatchObject({ hostname: 'example.com', recordType: 'A', resolver: null, expected: null, name: 'Zone' });
  });
});
