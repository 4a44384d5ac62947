import { stop } from 'esbuild';
import { buildBundle } from './build-bundle';
import { isBundleStale } from './build-record';
import { BUNDLES, type BundleName } from './bundles';

/** Builds the bundle when it is missing or older than its sources (about a second); otherwise does nothing. */
export async function ensureBundle(name: BundleName, log: (line: string) => void): Promise<void> {
  const spec = BUNDLES[name];
  if (!isBundleStale(spec)) return;
  log(`bundling ${Object.values(spec.entries).join(', ')} into ${spec.outDir}/`);
  await buildBundle(spec);
  // esbuild keeps a service process (~17 MB) for further builds; our long-running callers make none.
  await stop();
}
