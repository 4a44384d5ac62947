import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maintenanceWindowSchema, type MaintenanceWindowInput } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const HOUR = 3_600_000;

/** Open now: from an hour ago to an hour ahead. */
const openNow = (): MaintenanceWindowInput['schedule'] => ({
  type: 'once',
  startsAt: new Date(Date.now() - HOUR),
  endsAt: new Date(Date.now() + HOUR),
});
const nightly: MaintenanceWindowInput['schedule'] = { type: 'cron', expression: '0 2 * * *', durationMinutes: 30, timeZone: 'UTC' };

describe('maintenance windows router', () => {
  let shopId: string;
  let blogId: string;

  beforeAll(async () => {
    shopId = (await api.caller.monitors.create({ name: 'Shop', url: 'http://127.0.0.1:9/', paused: true })).id;
    blogId = (await api.caller.monitors.create({ name: 'Blog', url: 'http://127.0.0.1:9/', paused: true })).id;
  });

  it('creates global and per-monitor windows, each saying whether it is open now', async () => {
    const everywhere = expectContractShape(
      maintenanceWindowSchema,
      await api.caller.maintenanceWindows.create({ name: ' Upgrade ', schedule: openNow() }),
    );
    expect(everywhere).toMatchObject({ name: 'Upgrade', monitorId: null, activeNow: true });
    const weekly: MaintenanceWindowInput['schedule'] = {
      type: 'weekly',
      weekdays: [0, 6],
      startTime: '02:30',
      durationMinutes: 60,
      timeZone: 'Europe/Paris',
    };
    expect(await api.caller.maintenanceWindows.create({ name: 'Backups', monitorId: shopId, schedule: weekly })).toMatchObject({
      monitorId: shopId,
      schedule: weekly,
    });
    expect(await api.caller.maintenanceWindows.create({ name: 'Reindex', monitorId: blogId, schedule: nightly })).toMatchObject({
      monitorId: blogId,
      schedule: nightly,
    });
  });

  it('lists every window by name, or one monitor’s with the global ones', async () => {
    const all = expectContractShape(z.array(maintenanceWindowSchema), await api.caller.maintenanceWindows.list({}));
    expect(all.map((window) => window.name)).toEqual(['Backups', 'Reindex', 'Upgrade']);
    expect((await api.caller.maintenanceWindows.list({ monitorId: shopId })).map((window) => window.name)).toEqual(['Backups', 'Upgrade']);
  });

  it('answers NOT_FOUND for an unknown monitor, as the other routers do, not the global windows as if they were its', async () => {
    expect(await clientError(api.caller.maintenanceWindows.list({ monitorId: UNKNOWN_ID }))).toEqual({
      code: 'NOT_FOUND',
      message: `monitor ${UNKNOWN_ID} not found`,
      fieldErrors: undefined,
    });
  });

  it('deletes a window once; then NOT_FOUND', async () => {
    const window = await api.caller.maintenanceWindows.create({ name: 'Short', schedule: openNow() });
    expect(await api.caller.maintenanceWindows.delete({ id: window.id })).toEqual({ id: window.id });
    expect(await clientError(api.caller.maintenanceWindows.delete({ id: window.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `maintenance window ${window.id} not found`,
      fieldErrors: undefined,
    });
  });

  it('refuses a window for an unknown monitor', async () => {
    expect(await clientError(api.caller.maintenanceWindows.create({ name: 'Ghost', monitorId: UNKNOWN_ID, schedule: nightly }))).toEqual({
      code: 'BAD_REQUEST',
      message: `monitorId: monitor ${UNKNOWN_ID} does not exist`,
      fieldErrors: { monitorId: `monitorId: monitor ${UNKNOWN_ID} does not exist` },
    });
  });

  it('refuses bad schedules by field', async () => {
    const backwards = { type: 'once', startsAt: new Date(Date.now() + HOUR), endsAt: new Date() } as const;
    expect((await clientError(api.caller.maintenanceWindows.create({ name: 'Backwards', schedule: backwards }))).fieldErrors).toEqual({
      'schedule.endsAt': 'endsAt must be after startsAt',
    });
    const badCron = { ...nightly, expression: '0 24 * * *', timeZone: 'Mars/Base' };
    expect((await clientError(api.caller.maintenanceWindows.create({ name: '', schedule: badCron }))).fieldErrors).toEqual({
      name: 'name is required',
      'schedule.expression': 'expression: hour field "24" is out of range 0-23',
      'schedule.timeZone': 'timeZone must be an IANA time zone such as Europe/Paris',
    });
    expect((await clientError(api.caller.maintenanceWindows.delete({ id: 'abc' }))).fieldErrors).toEqual({
      id: 'id must be a maintenance window id (uuid)',
    });
  });
});
