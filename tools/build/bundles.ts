import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: every path below is relative to it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One set of Node entry points bundled together into `outDir/<name>.mjs`, plus folders copied beside them. */
export interface BundleSpec {
  outDir: string;
  entries: Record<string, string>;
  /** Read at run time relative to a module's own URL, which becomes the bundle's URL once bundled. */
  assets: { from: string; to: string }[];
}

// libs/domain/src/db/migrate.ts reads `./migrations` beside itself; bundled, "itself" is outDir/<entry>.mjs.
const MIGRATIONS = { from: 'libs/domain/src/db/migrations', to: 'migrations' };

export const BUNDLES = {
  /** What `npm start` and the Docker images run. */
  server: {
    outDir: 'dist/server',
    entries: { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' },
    assets: [MIGRATIONS],
  },
  /** The product's worker plus the bench's probe, so the bench measures what production runs. */
  bench: {
    outDir: 'dist/bench',
    entries: { 'bench-worker': 'tools/bench/bench-worker.ts' },
    assets: [MIGRATIONS],
  },
} satisfies Record<string, BundleSpec>;

export type BundleName = keyof typeof BUNDLES;

/** Absolute path of one bundled entry, e.g. `bundlePath('server', 'worker')`. */
export function bundlePath<Name extends BundleName>(name: Name, entry: keyof (typeof BUNDLES)[Name]['entries'] & string): string {
  return path.join(ROOT, BUNDLES[name].outDir, `${entry}.mjs`);
}
