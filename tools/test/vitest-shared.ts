import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Path aliases of tsconfig.base.json, for vitest (it does not read tsconfig paths by itself). */
export const workspaceAliases = {
  '@mini-netumo/contracts': `${root}libs/contracts/src/index.ts`,
  '@mini-netumo/domain/testing': `${root}libs/domain/src/testing/index.ts`,
  '@mini-netumo/api/testing': `${root}libs/api/src/testing/router-harness.ts`,
  '@mini-netumo/domain': `${root}libs/domain/src/index.ts`,
  '@mini-netumo/api': `${root}libs/api/src/index.ts`,
};

/**
 * One vitest config for every Node-side project: tests live beside the code they test. `usesServices`: its
 * tests need PostgreSQL and Redis (tools/test/vitest-services.ts provides them when run on its own).
 */
export function defineProjectConfig(projectDir: string, { usesServices = true } = {}) {
  return defineConfig({
    root,
    resolve: { alias: workspaceAliases },
    test: {
      include: [`${projectDir}/src/**/*.spec.ts`],
      environment: 'node',
      // Integration tests start servers and workers; give them room, but finite room.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      globalSetup: usesServices ? [`${root}tools/test/vitest-services.ts`] : [],
    },
  });
}
