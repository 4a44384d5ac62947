import type { NonNullableFormBuilder } from '@angular/forms';
import { HEARTBEAT_LIMITS, type MonitorConfigOf } from '@mini-netumo/contracts';
import type { KindForm } from '../kind-form';

/** Which of the contract's two schedules the inputs edit; the other is sent as null, as the contract wants. */
export type HeartbeatScheduleType = 'period' | 'cron';

/** What the heartbeat inputs hold: numbers are null while their input is empty, text is never null. */
export interface HeartbeatFormValue {
  schedule: HeartbeatScheduleType;
  periodSeconds: number | null;
  cron: string;
  timezone: string;
  graceSeconds: number | null;
}

export const HEARTBEAT_FIELDS = ['periodSeconds', 'cron', 'timezone', 'graceSeconds'] as const;
export type HeartbeatFormField = (typeof HEARTBEAT_FIELDS)[number];

/** Most jobs run on a machine in the zone of the person setting them up; they can change it. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const HOUR_SECONDS = 3_600;

export function buildHeartbeatGroup(fb: NonNullableFormBuilder, value: HeartbeatFormValue) {
  return fb.group({
    schedule: fb.control<HeartbeatScheduleType>(value.schedule),
    periodSeconds: [value.periodSeconds],
    cron: [value.cron],
    timezone: [value.timezone],
    graceSeconds: [value.graceSeconds],
  });
}

export type HeartbeatFormGroup = ReturnType<typeof buildHeartbeatGroup>;

export const HEARTBEAT_FORM: KindForm<'heartbeat'> = {
  fields: HEARTBEAT_FIELDS,
  advancedFields: [],
  empty: () => ({
    schedule: 'period',
    periodSeconds: HOUR_SECONDS,
    cron: '',
    timezone: browserTimeZone(),
    graceSeconds: HEARTBEAT_LIMITS.graceSeconds.default,
  }),
  fromConfig: (monitor: MonitorConfigOf<'heartbeat'>) => ({
    schedule: monitor.cron === null ? 'period' : 'cron',
    periodSeconds: monitor.periodSeconds,
    cron: monitor.cron ?? '',
    timezone: monitor.timezone,
    graceSeconds: monitor.graceSeconds,
  }),
  // Exactly one schedule: the chosen one as typed (an empty cron gets the contract's "cron is required"), the
  // other null, so an edit that switches schedule clears the old one. The zone goes either way: it is stored.
  toInput: (value) => ({
    periodSeconds: value.schedule === 'period' ? value.periodSeconds : null,
    cron: value.schedule === 'cron' ? value.cron : null,
    timezone: value.timezone.trim(),
    graceSeconds: value.graceSeconds,
  }),
  problems: () => [],
  build: buildHeartbeatGroup,
  fit: () => undefined,
};
