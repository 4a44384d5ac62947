import { describe, expect, it } from 'vitest';
import { aDnsMonitor, aHeartbeat, aMonitor, aTcpMonitor } from '../data-access/monitor-fixtures';
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

describe('toFormValue: heartbeat', () => {
  it('fills its own inputs, leaves the active fields at their defaults, and reads back as the saved config', () => {
    const monitor = aHeartbeat({ name: 'Backup', periodSeconds: null, cron: '0 2 * * *', timezone: 'Europe/Paris', graceSeconds: 600 });
    const value = toFormValue(monitor);
    expect(value).toMatchObject({ kind: 'heartbeat', name: 'Backup', intervalSeconds: emptyFormValue().intervalSeconds });
    expect(value.byKind.heartbeat).toEqual({
      schedule: 'cron',
      periodSeconds: null,
      cron: '0 2 * * *',
      timezone: 'Europe/Paris',
      graceSeconds: 600,
    });
    expect(validateMonitorForm(value)).toEqual({
      config: {
        kind: 'heartbeat',
        name: 'Backup',
        paused: false,
        periodSeconds: null,
        cron: '0 2 * * *',
        timezone: 'Europe/Paris',
        graceSeconds: 600,
      },
    });
  });
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

describe('toMonitorInput: heartbeat', () => {
  it('sends the name and the heartbeat’s own fields, none of the active kinds’', () => {
    const value = { ...emptyFormValue(), kind: 'heartbeat' as const, name: 'Backup' };
    expect(Object.keys(toMonitorInput(value)).sort()).toEqual(['kind', 'name', 'periodSeconds', 'cron', 'timezone', 'graceSeconds'].sort());
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

  it('sends only a heartbeat’s own fields and its name', () => {
    const result = validateMonitorForm(toFormValue(aHeartbeat({ periodSeconds: 900 })));
    if (!('config' in result)) throw new Error('the fixture should be valid');
    expect(toPatch(result.config)).toEqual({ name: 'Backup', periodSeconds: 900, cron: null, timezone: 'UTC', graceSeconds: 300 });
  });
});
