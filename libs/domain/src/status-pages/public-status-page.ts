import type { PublicStatusPage } from '@mini-netumo/contracts';
import { findStatusPageRowBySlug, pageMonitorRows } from '../db/queries/status-page-queries';
import type { DomainContext } from '../runtime/domain-context';
import { publicIncidents } from './public-incidents';
import { publicMaintenance } from './public-maintenance';
import { overallState } from './public-monitor-state';
import { publicMonitorFacts, toPublicMonitor } from './public-monitors';

/**
 * A status page as the world sees it (summary.json, and what the HTML and the feed are drawn from); null for a
 * slug no page has. Everything in it is public by construction: names the page gives, states, figures, updates.
 */
export async function buildPublicStatusPage(ctx: DomainContext, slug: string, now = new Date()): Promise<PublicStatusPage | null> {
  const page = await findStatusPageRowBySlug(ctx.db, slug);
  if (!page) return null;
  const members = await pageMonitorRows(ctx.db, [page.id]);
  const { facts, windows } = await publicMonitorFacts(
    ctx.db,
    members.map((member) => member.monitorId),
    now,
  );
  const publicNames = new Map<string, string>();
  for (const member of members) {
    const row = facts.get(member.monitorId)?.row;
    if (row) publicNames.set(member.monitorId, member.displayName ?? row.name);
  }
  const incidents = await publicIncidents(ctx.db, publicNames, now);

  const groups = page.groupNames.map((name, index) => ({
    name,
    monitors: members.flatMap((member) => {
      const monitorFacts = facts.get(member.monitorId);
      if (member.groupIndex !== index || !monitorFacts) return [];
      return [toPublicMonitor(monitorFacts, publicNames.get(member.monitorId) ?? '', page.showTargets)];
    }),
  }));
  return {
    slug: page.slug,
    title: page.title,
    description: page.description,
    overall: overallState(groups.flatMap((group) => group.monitors.map((monitor) => monitor.state))),
    generatedAt: now.toISOString(),
    groups,
    openIncidents: incidents.open,
    resolvedIncidents: incidents.resolved,
    maintenance: publicMaintenance(windows, publicNames, now),
  };
}
