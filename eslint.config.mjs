import nx from '@nx/eslint-plugin';

/**
 * The arrows between projects (see DESIGN.md). scope:web may reach server code only for the router type,
 * and the second block below makes that type-only.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'test-results', 'playwright-report', '.data'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:trpc', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:trpc'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'type:trpc'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser gets the router's *type* only: a value import would drag Express, Drizzle and BullMQ into the bundle.
    files: ['apps/web/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mini-netumo/api', '@mini-netumo/api/*'],
              allowTypeImports: true,
              message: 'Import only the AppRouter type from @mini-netumo/api.',
            },
            { group: ['@mini-netumo/domain', '@mini-netumo/domain/*'], message: 'The web app must not import server code.' },
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'bullmq', 'postgres', 'express', 'ioredis', 'pg', 'undici'],
              message: 'Server-only package in the web app.',
            },
          ],
        },
      ],
    },
  },
];
