import { describe, expect, it } from 'vitest';
import { aHeartbeat } from '../../../data-access/monitor-fixtures';
import { HEARTBEAT_FORM, browserTimeZone, type HeartbeatFormValue } from './heartbeat-form';

const value = (change: Partial<HeartbeatFormValue> = {}): HeartbeatFormValue => ({ ...HEARTBEAT_FORM.empty(), ...change });

describe('HEARTBEAT_FORM', () => {
  it('starts as an hourly heartbeat with the default grace, in this browser’s zone', () => {
    expect(HEARTBEAT_FORM.empty()).toEqual({
      schedule: 'period',
      periodSeconds: 3_600,
      cron: '',
      timezone: browserTimeZone(),
      graceSeconds: 300,
    });
  });

  it('sends the period and a null cron, whatever the hidden cron input holds', () => {
    expect(HEARTBEAT_FORM.toInput(value({ periodSeconds: 600, cron: '0 2 * * *', timezone: ' UTC ' }))).toEqual({
      periodSeconds: 600,
      cron: null,
      timezone: 'UTC',
      graceSeconds: 300,
    });
  });

  it('sends the cron expression and a null period, whatever the hidden period input holds', () => {
    expect(HEARTBEAT_FORM.toInput(value({ schedule: 'cron', periodSeconds: 600, cron: '30 4 * * 1', timezone: 'Europe/Paris' }))).toEqual({
      periodSeconds: null,
      cron: '30 4 * * 1',
      timezone: 'Europe/Paris',
      graceSeconds: 300,
    });
  });

  it('shows a saved heartbeat with the schedule it has chosen', () => {
    expect(
      HEARTBEAT_FORM.fromConfig(aHeartbeat({ periodSeconds: null, cron: '0 2 * * *', timezone: 'Asia/Tokyo', graceSeconds: 900 })),
    ).toEqual({
      schedule: 'cron',
      periodSeconds: null,
      cron: '0 2 * * *',
      timezone: 'Asia/Tokyo',
      graceSeconds: 900,
    });
    expect(HEARTBEAT_FORM.fromConfig(aHeartbeat({ periodSeconds: 120 }))).toMatchObject({
      schedule: 'period',
      periodSeconds: 120,
      cron: '',
    });
  });
});
