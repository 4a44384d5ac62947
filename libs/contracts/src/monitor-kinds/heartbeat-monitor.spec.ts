import { describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitor';

const issuesOf = (input: unknown) =>
  monitorInputSchema.safeParse(input).error?.issues.map(({ path, message }) => ({ path: path.join('.'), message })) ?? [];
const heartbeat = (override: object) => ({ kind: 'heartbeat', name: 'Backup', ...override });

describe('heartbeat monitors', () => {
  it('take a period or a cron schedule, with a grace time, and none of the active kinds’ fields', () => {
    expect(monitorInputSchema.parse(heartbeat({ periodSeconds: 60 }))).toEqual({
      kind: 'heartbeat',
      name: 'Backup',
      paused: false,
      periodSeconds: 60,
      cron: null,
      timezone: 'UTC',
      graceSeconds: 300,
    });
    const nightly = monitorInputSchema.parse(heartbeat({ cron: ' 0 2 * * * ', timezone: 'Europe/Paris', graceSeconds: 5 }));
    expect(nightly).toMatchObject({ cron: '0 2 * * *', timezone: 'Europe/Paris', periodSeconds: null, graceSeconds: 5 });
    expect(monitorInputSchema.parse(heartbeat({ periodSeconds: 60, intervalSeconds: 30 }))).not.toHaveProperty('intervalSeconds');
  });

  it.each([
    [{}, 'periodSeconds', 'periodSeconds or cron is required: when must the pings come?'],
    [{ periodSeconds: 60, cron: '* * * * *' }, 'cron', 'cron cannot be set together with periodSeconds: choose one schedule'],
    [{ periodSeconds: 19 }, 'periodSeconds', 'periodSeconds must be at least 20'],
    [{ periodSeconds: 60, graceSeconds: 4 }, 'graceSeconds', 'graceSeconds must be at least 5'],
    [{ periodSeconds: 60.5 }, 'periodSeconds', 'periodSeconds must be a whole number'],
    [{ cron: '61 * * * *' }, 'cron', 'cron minute field "61" is out of range 0-59'],
    [{ cron: '* * *' }, 'cron', 'cron must have 5 fields (minute hour day-of-month month day-of-week), not 3'],
    [{ cron: '0 2 * * *', timezone: 'Mars/Olympus' }, 'timezone', 'timezone must be an IANA time zone such as Europe/Paris'],
  ])('refuse %j at %s', (override, path, message) => {
    expect(issuesOf(heartbeat(override))).toEqual([{ path, message }]);
  });
});
