import { eq, inArray } from 'drizzle-orm';
import type { StatusPage, statusPageInputSchema, statusPageUpdateInputSchema } from '@mini-netumo/contracts';
import type { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../core/errors';
import { hasErrorCode } from '../db/database-unavailable';
import type { Executor } from '../db/executor';
import { findStatusPageRow, listStatusPageRows, pageMonitorRows, replacePageMonitors } from '../db/queries/status-page-queries';
import { monitors, statusPages, type StatusPageMonitorRow, type StatusPageRow } from '../db/schema';
import type { DomainContext } from '../runtime/domain-context';

/** PostgreSQL's unique_violation: here, the slug's unique index. */
const UNIQUE_VIOLATION: ReadonlySet<string> = new Set(['23505']);

type StatusPageCreate = z.output<typeof statusPageInputSchema>;
type StatusPageUpdate = z.output<typeof statusPageUpdateInputSchema>;

export async function listStatusPages(ctx: DomainContext): Promise<StatusPage[]> {
  const rows = await listStatusPageRows(ctx.db);
  const members = await pageMonitorRows(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toStatusPage(ctx, row, members));
}

export async function getStatusPage(ctx: DomainContext, id: string): Promise<StatusPage> {
  const row = await findStatusPageRow(ctx.db, id);
  if (!row) throw new NotFoundError('status page', id);
  return toStatusPage(ctx, row, await pageMonitorRows(ctx.db, [id]));
}

/** CONFLICT when the slug is taken; a monitor that does not exist is refused by its place in `groups`. */
export async function createStatusPage(ctx: DomainContext, input: StatusPageCreate): Promise<StatusPage> {
  const page = await withSlugConflict(input.slug, () =>
    ctx.db.transaction(async (tx) => {
      await requireMonitors(tx, input.groups);
      const [row] = await tx
        .insert(statusPages)
        .values({
          slug: input.slug,
          title: input.title,
          description: input.description,
          showTargets: input.showTargets,
          groupNames: input.groups.map((group) => group.name),
        })
        .returning();
      if (!row) throw new Error('insert returned no status page');
      await replacePageMonitors(tx, row.id, input.groups, input.displayNames);
      return toStatusPage(ctx, row, await pageMonitorRows(tx, [row.id]));
    }),
  );
  await announceChange(ctx, page);
  return page;
}

/** Changes the fields given; groups and displayNames replace the page's own (display names kept for monitors still on it). */
export async function updateStatusPage(ctx: DomainContext, input: StatusPageUpdate): Promise<StatusPage> {
  const { before, after } = await withSlugConflict(input.slug, () =>
    ctx.db.transaction(async (tx) => {
      const [current] = await tx.select().from(statusPages).where(eq(statusPages.id, input.id)).for('update');
      if (!current) throw new NotFoundError('status page', input.id);
      const page = toStatusPage(ctx, current, await pageMonitorRows(tx, [current.id]));
      const groups = input.groups ?? page.groups;
      const displayNames = input.displayNames ?? page.displayNames;
      if (input.groups) await requireMonitors(tx, groups);
      if (input.displayNames && !input.groups) requireNamedOnPage(displayNames, groups);
      const [row] = await tx
        .update(statusPages)
        .set({
          slug: input.slug ?? current.slug,
          title: input.title ?? current.title,
          description: input.description === undefined ? current.description : input.description,
          showTargets: input.showTargets ?? current.showTargets,
          groupNames: groups.map((group) => group.name),
          updatedAt: new Date(),
        })
        .where(eq(statusPages.id, input.id))
        .returning();
      if (!row) throw new NotFoundError('status page', input.id);
      if (input.groups || input.displayNames) await replacePageMonitors(tx, row.id, groups, displayNames);
      return { before: page, after: toStatusPage(ctx, row, await pageMonitorRows(tx, [row.id])) };
    }),
  );
  // A renamed page is gone from its old address too.
  if (before.slug !== after.slug) await announceChange(ctx, before);
  await announceChange(ctx, after);
  return after;
}

export async function deleteStatusPage(ctx: DomainContext, id: string): Promise<{ id: string }> {
  const [row] = await ctx.db.delete(statusPages).where(eq(statusPages.id, id)).returning();
  if (!row) throw new NotFoundError('status page', id);
  await announceChange(ctx, { id: row.id, slug: row.slug });
  return { id: row.id };
}

function toStatusPage(ctx: DomainContext, row: StatusPageRow, members: readonly StatusPageMonitorRow[]): StatusPage {
  const own = members.filter((member) => member.pageId === row.id);
  const displayNames: Record<string, string> = {};
  for (const member of own) if (member.displayName !== null) displayNames[member.monitorId] = member.displayName;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    showTargets: row.showTargets,
    displayNames,
    groups: row.groupNames.map((name, index) => ({
      name,
      monitorIds: own.filter((member) => member.groupIndex === index).map((member) => member.monitorId),
    })),
    publicUrl: `${ctx.settings.publicListener.url}/status/${row.slug}`,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function requireMonitors(tx: Executor, groups: readonly { monitorIds: readonly string[] }[]): Promise<void> {
  const ids = groups.flatMap((group) => group.monitorIds);
  if (ids.length === 0) return;
  const found = new Set((await tx.select({ id: monitors.id }).from(monitors).where(inArray(monitors.id, ids))).map((row) => row.id));
  const problems: FieldProblem[] = [];
  groups.forEach((group, g) =>
    group.monitorIds.forEach((id, m) => {
      if (!found.has(id)) problems.push({ path: ['groups', g, 'monitorIds', m], message: `monitorIds: monitor ${id} does not exist` });
    }),
  );
  if (problems.length) throw new ValidationError(problems.map((problem) => problem.message).join('; '), problems);
}

function requireNamedOnPage(displayNames: Readonly<Record<string, string>>, groups: readonly { monitorIds: readonly string[] }[]): void {
  const onPage = new Set(groups.flatMap((group) => group.monitorIds));
  const stray = Object.keys(displayNames).find((id) => !onPage.has(id));
  if (stray) throw ValidationError.at(['displayNames', stray], `displayNames: ${stray} is not on this page`);
}

/** The slug's unique index answers a race two creations would both pass a check for. */
async function withSlugConflict<T>(slug: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (hasErrorCode(error, UNIQUE_VIOLATION)) throw new ConflictError(`slug: ${slug ?? ''} is taken by another status page`);
    throw error;
  }
}

/** Public listeners drop the page they hold; best effort (the change is stored, and their copies expire in 30 s). */
async function announceChange(ctx: DomainContext, page: { id: string; slug: string }): Promise<void> {
  try {
    await ctx.events.publish({ type: 'status-page.changed', pageId: page.id, slug: page.slug });
  } catch (error) {
    ctx.logger.warn('could not publish status page change', { pageId: page.id, error });
  }
}
