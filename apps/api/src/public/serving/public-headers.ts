import { PUBLIC_MAX_AGE_MS } from '@mini-netumo/domain';

/**
 * Browsers and shared caches may keep a public answer as long as the snapshot it comes from may be old, and serve
 * it a little longer while they check again (the ETag makes that check a 304).
 */
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_MS / 1_000}, stale-while-revalidate=${PUBLIC_MAX_AGE_MS / 1_000}`;
