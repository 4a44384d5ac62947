import { openPublicSnapshots, type DomainContext } from '@mini-netumo/domain';
import type { PublicPageSnapshots } from './public-pages-handler';
import { renderBadges } from './rendered-badges';
import { pageRenderer } from './rendered-page';

/** The status pages' and badges' snapshots, drawn as the public listener serves them; `publicUrl` is its address. */
export function openPublicPages(ctx: DomainContext, publicUrl: string): Promise<PublicPageSnapshots> {
  return openPublicSnapshots(ctx, { renderPage: pageRenderer(publicUrl), renderBadges });
}
