import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; `npm run db:generate` after a schema change, then commit both.
export default defineConfig({
  dialect: 'postgresql',
  schema: './libs/domain/src/db/schema/index.ts',
  out: './libs/domain/src/db/migrations',
});
