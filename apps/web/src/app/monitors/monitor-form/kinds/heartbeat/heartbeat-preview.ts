import { heartbeatMonitorFields, upcomingExpected, type HeartbeatSchedule } from '@mini-netumo/contracts';
import { browserTimeZone, type HeartbeatFormValue } from './heartbeat-form';

/** One expected ping: when, on the schedule's clock and (when it differs) on this browser's. */
export interface ExpectedPing {
  at: number;
  /** For `<time datetime>`. */
  iso: string;
  zoned: string;
  /** Null when the schedule's zone is this browser's: the same words twice say nothing. */
  local: string | null;
}

const PREVIEW_COUNT = 5;

const formatIn = (timeZone: string) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });

/** The typed schedule, if the contract accepts each part of it; else null (the field messages say why). */
export function scheduleOf(value: HeartbeatFormValue): HeartbeatSchedule | null {
  const timezone = heartbeatMonitorFields.timezone.safeParse(value.timezone.trim());
  if (!timezone.success) return null;
  if (value.schedule === 'period') {
    const period = heartbeatMonitorFields.periodSeconds.safeParse(value.periodSeconds);
    return period.success && period.data !== null ? { periodSeconds: period.data, cron: null, timezone: timezone.data } : null;
  }
  const cron = heartbeatMonitorFields.cron.safeParse(value.cron);
  return cron.success && cron.data !== null ? { periodSeconds: null, cron: cron.data, timezone: timezone.data } : null;
}

/**
 * The next pings the schedule expects after `now`, computed as the server computes them (a period counts from
 * a ping now), so a cron expression or a zone that means something else than intended shows before saving.
 */
export function previewExpected(value: HeartbeatFormValue, now: number): ExpectedPing[] {
  const schedule = scheduleOf(value);
  if (!schedule) return [];
  const zoned = formatIn(schedule.timezone);
  const localZone = browserTimeZone();
  const local = localZone === schedule.timezone ? null : formatIn(localZone);
  return upcomingExpected(schedule, now, PREVIEW_COUNT).map((at) => ({
    at,
    iso: new Date(at).toISOString(),
    zoned: zoned.format(at),
    local: local?.format(at) ?? null,
  }));
}
