import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expiryItemSchema } from '@mini-netumo/contracts';
import { clientError, expectContractShape, lookUpRegistration, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();
const DAY = 86_400_000;

describe('expiry.upcoming', () => {
  let shopId: string;
  let blogId: string;
  const soon = new Date(Date.now() + 20 * DAY + 3_600_000);
  const later = new Date(Date.now() + 200 * DAY + 3_600_000);

  beforeAll(async () => {
    // Active, as only active monitors are listed; no worker runs, so nothing is checked. `.test` never resolves.
    shopId = (await api.caller.monitors.create({ name: 'Shop', url: 'http://shop.example.test:9/' })).id;
    blogId = (await api.caller.monitors.create({ name: 'Blog', url: 'http://blog.other.test:9/' })).id;
    await lookUpRegistration(api, shopId, 'example.test', soon);
    await lookUpRegistration(api, blogId, 'other.test', later);
  });

  it('lists what ends within 30 days by default, judged by its monitor', async () => {
    const upcoming = expectContractShape(z.array(expiryItemSchema), await api.caller.expiry.upcoming({}));
    expect(upcoming).toEqual([
      {
        kind: 'domain',
        monitorId: shopId,
        monitorName: 'Shop',
        url: 'http://shop.example.test:9/',
        subject: 'example.test',
        expiresAt: soon,
        daysRemaining: 20,
        state: 'ok',
        registrar: 'Example Registrar, Inc.',
      },
    ]);
  });

  it('widens with withinDays, soonest first, and leaves paused monitors out', async () => {
    expect((await api.caller.expiry.upcoming({ withinDays: 365 })).map((item) => [item.subject, item.daysRemaining])).toEqual([
      ['example.test', 20],
      ['other.test', 200],
    ]);
    expect(await api.caller.expiry.upcoming({ withinDays: 10 })).toEqual([]);
    await api.caller.monitors.pause({ id: shopId });
    expect((await api.caller.expiry.upcoming({ withinDays: 365 })).map((item) => item.monitorId)).toEqual([blogId]);
  });

  it('refuses withinDays out of range or not whole, by name', async () => {
    expect(await clientError(api.caller.expiry.upcoming({ withinDays: 0 }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'withinDays must be at least 1',
      fieldErrors: { withinDays: 'withinDays must be at least 1' },
    });
    expect((await clientError(api.caller.expiry.upcoming({ withinDays: 1.5 }))).fieldErrors).toEqual({
      withinDays: 'withinDays must be a whole number',
    });
    expect((await clientError(api.caller.expiry.upcoming({ withinDays: 3_651 }))).fieldErrors).toEqual({
      withinDays: 'withinDays must be at most 3650',
    });
  });
});
