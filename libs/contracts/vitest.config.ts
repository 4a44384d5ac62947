import { defineProjectConfig } from '../../tools/test/vitest-shared';

// Schemas and pure functions only: no database, no Redis.
export default defineProjectConfig('libs/contracts', { usesServices: false });
