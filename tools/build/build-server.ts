import { buildBundle } from './build-bundle';
import { BUNDLES } from './bundles';

/** `npm run build:server`: dist/server/{api,worker}.mjs, always rebuilt (the Docker image runs these). */
await buildBundle(BUNDLES.server);
process.stdout.write(`built ${Object.keys(BUNDLES.server.entries).join(', ')} in ${BUNDLES.server.outDir}/\n`);
