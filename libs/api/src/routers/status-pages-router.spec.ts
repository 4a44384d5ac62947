import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statusPageSchema } from '@mini-netumo/contracts';
import { UNKNOWN_ID, clientError, expectContractShape, useRouterHarness } from '../testing/router-harness';

const api = useRouterHarness();

describe('status pages router', () => {
  let shopId: string;
  let blogId: string;

  beforeAll(async () => {
    shopId = (await api.caller.monitors.create({ name: 'Shop', url: 'http://127.0.0.1:9/', paused: true })).id;
    blogId = (await api.caller.monitors.create({ name: 'Blog', url: 'http://127.0.0.1:9/', paused: true })).id;
  });

  it('creates a page with its groups in order, public names, and its public address', async () => {
    const page = expectContractShape(
      statusPageSchema,
      await api.caller.statusPages.create({
        slug: 'acme',
        title: ' Acme status ',
        groups: [
          { name: 'Web', monitorIds: [blogId, shopId] },
          { name: 'Later', monitorIds: [] },
        ],
        displayNames: { [shopId]: 'Online shop' },
      }),
    );
    expect(page).toMatchObject({
      slug: 'acme',
      title: 'Acme status',
      description: null,
      showTargets: false,
      displayNames: { [shopId]: 'Online shop' },
      groups: [
        { name: 'Web', monitorIds: [blogId, shopId] },
        { name: 'Later', monitorIds: [] },
      ],
    });
    expect(page.publicUrl).toMatch(/^http:\/\/.+\/status\/acme$/);
    expect(await api.caller.statusPages.get({ id: page.id })).toEqual(page);
    expect(expectContractShape(z.array(statusPageSchema), await api.caller.statusPages.list()).map((listed) => listed.slug)).toContain(
      'acme',
    );
  });

  it('refuses bad input by the field to blame, and keeps nothing of it', async () => {
    const before = await api.caller.statusPages.list();
    const refusals = await Promise.all([
      clientError(api.caller.statusPages.create({ slug: 'Has Spaces', title: 'x', groups: [{ name: 'g', monitorIds: [] }] })),
      clientError(api.caller.statusPages.create({ slug: 'twice', title: 'x', groups: [{ name: 'g', monitorIds: [shopId, shopId] }] })),
      clientError(api.caller.statusPages.create({ slug: 'ghost', title: 'x', groups: [{ name: 'g', monitorIds: [UNKNOWN_ID] }] })),
      clientError(
        api.caller.statusPages.create({
          slug: 'names',
          title: 'x',
          groups: [{ name: 'g', monitorIds: [] }],
          displayNames: { [shopId]: 'S' },
        }),
      ),
      clientError(api.caller.statusPages.create({ slug: 'empty', title: '', groups: [] })),
    ]);
    expect(refusals.map((refusal) => [refusal.code, Object.keys(refusal.fieldErrors ?? {})])).toEqual([
      ['BAD_REQUEST', ['slug']],
      ['BAD_REQUEST', ['groups.0.monitorIds.1']],
      ['BAD_REQUEST', ['groups.0.monitorIds.0']],
      ['BAD_REQUEST', [`displayNames.${shopId}`]],
      ['BAD_REQUEST', ['title', 'groups']],
    ]);
    expect(refusals[2]?.message).toContain(`monitor ${UNKNOWN_ID} does not exist`);
    expect(await api.caller.statusPages.list()).toEqual(before);
  });

  it('answers CONFLICT for a slug another page has, on create and on rename', async () => {
    const other = await api.caller.statusPages.create({ slug: 'other', title: 'Other', groups: [{ name: 'All', monitorIds: [shopId] }] });
    const taken = await clientError(
      api.caller.statusPages.create({ slug: 'acme', title: 'Again', groups: [{ name: 'All', monitorIds: [] }] }),
    );
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'slug: acme is taken by another status page' });
    expect((await clientError(api.caller.statusPages.update({ id: other.id, slug: 'acme' }))).code).toBe('CONFLICT');
    expect((await api.caller.statusPages.get({ id: other.id })).slug).toBe('other');
  });

  it('changes only what an update gives, and keeps display names of monitors still on the page', async () => {
    const page = await api.caller.statusPages.create({
      slug: 'partial',
      title: 'Partial',
      groups: [{ name: 'All', monitorIds: [shopId, blogId] }],
      displayNames: { [shopId]: 'Shop!' },
    });
    const retitled = await api.caller.statusPages.update({ id: page.id, title: 'Renamed', showTargets: true });
    expect(retitled).toMatchObject({
      slug: 'partial',
      title: 'Renamed',
      showTargets: true,
      displayNames: { [shopId]: 'Shop!' },
      groups: page.groups,
    });
    const regrouped = await api.caller.statusPages.update({ id: page.id, groups: [{ name: 'Only', monitorIds: [shopId] }] });
    expect(regrouped).toMatchObject({ groups: [{ name: 'Only', monitorIds: [shopId] }], displayNames: { [shopId]: 'Shop!' } });
    expect(
      Object.keys((await clientError(api.caller.statusPages.update({ id: page.id, displayNames: { [blogId]: 'B' } }))).fieldErrors ?? {}),
    ).toEqual([`displayNames.${blogId}`]);
  });

  it('takes a deleted monitor off every page, and deletes pages', async () => {
    const gone = await api.caller.monitors.create({ name: 'Gone', url: 'http://127.0.0.1:9/', paused: true });
    const page = await api.caller.statusPages.create({
      slug: 'cascade',
      title: 'Cascade',
      groups: [{ name: 'All', monitorIds: [gone.id, shopId] }],
    });
    await api.caller.monitors.delete({ id: gone.id });
    expect((await api.caller.statusPages.get({ id: page.id })).groups).toEqual([{ name: 'All', monitorIds: [shopId] }]);
    expect(await api.caller.statusPages.delete({ id: page.id })).toEqual({ id: page.id });
    expect((await clientError(api.caller.statusPages.get({ id: page.id }))).code).toBe('NOT_FOUND');
    expect((await clientError(api.caller.statusPages.delete({ id: page.id }))).code).toBe('NOT_FOUND');
  });
});
