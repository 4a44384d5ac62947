import type { LiveEvent, PublicStatusPage } from '@mini-netumo/contracts';
import { rateLimitedWarning } from '../logging/rate-limited-warning';
import type { DomainContext } from '../runtime/domain-context';
import { badgeFacts, type BadgeFacts } from './badge-facts';
import { buildPublicStatusPage } from './public-status-page';
import { createSnapshotCache } from './snapshot-cache';

/** The status pages' promise: what a viewer sees is never more than 30 s old. */
export const PUBLIC_MAX_AGE_MS = 30_000;
/** After a change to one of its monitors an entry is rebuilt, at most this often. */
const MIN_REBUILD_MS = 2_000;

export interface PublicSnapshotOptions<P, B> {
  /** Turns a page into what is served (HTML, JSON, feed, their ETags), once per build rather than per viewer. */
  renderPage(page: PublicStatusPage): P;
  renderBadges(facts: BadgeFacts): B;
}

export interface PublicSnapshots<P, B> {
  page(slug: string): Promise<P | null>;
  badges(monitorId: string): Promise<B | null>;
  close(): Promise<void>;
}

/**
 * What the public listener serves, from memory: pages by slug and badges by monitor, rebuilt when older than 30 s
 * or when a live event concerns one of their monitors, so a thousand viewers cost the database nothing.
 */
export async function openPublicSnapshots<P, B>(ctx: DomainContext, options: PublicSnapshotOptions<P, B>): Promise<PublicSnapshots<P, B>> {
  // Each page and badge a viewer asks for retries its build while the database is away: one line per 10 s is news enough.
  const staleWarning = rateLimitedWarning(ctx.logger, 'serving the last public snapshot; rebuilding it failed');
  const onStale = (what: string) => (key: string, error: unknown) => staleWarning({ what, key, error });
  const pages = createSnapshotCache<P>({
    async build(slug) {
      const page = await buildPublicStatusPage(ctx, slug);
      if (!page) return null;
      return { value: options.renderPage(page), monitorIds: page.groups.flatMap((group) => group.monitors.map((monitor) => monitor.id)) };
    },
    maxAgeMs: PUBLIC_MAX_AGE_MS,
    minRebuildMs: MIN_REBUILD_MS,
    maxEntries: 1_000,
    onStale: onStale('status page'),
  });
  const badges = createSnapshotCache<B>({
    async build(monitorId) {
      const facts = await badgeFacts(ctx.db, monitorId);
      return facts ? { value: options.renderBadges(facts), monitorIds: [monitorId] } : null;
    },
    maxAgeMs: PUBLIC_MAX_AGE_MS,
    minRebuildMs: MIN_REBUILD_MS,
    maxEntries: 10_000,
    onStale: onStale('badges'),
  });

  const unsubscribe = await ctx.events.subscribe((event) => {
    if (event.type === 'status-page.changed') {
      pages.drop(event.slug);
      // Which monitors have badges may have changed with it.
      badges.clear();
      return;
    }
    const monitorId = monitorOf(event);
    if (monitorId) {
      pages.monitorChanged(monitorId);
      badges.monitorChanged(monitorId);
    }
  });
  return {
    page: (slug) => pages.get(slug),
    badges: (monitorId) => badges.get(monitorId),
    close: unsubscribe,
  };
}

function monitorOf(event: LiveEvent): string | null {
  switch (event.type) {
    case 'monitor.state':
      return event.state.id;
    case 'monitor.status':
      return event.monitor.id;
    case 'monitor.deleted':
      return event.monitorId;
    case 'incident':
      return event.incident.monitorId;
    case 'tls.status':
      return event.status.monitorId;
    default:
      return null;
  }
}
