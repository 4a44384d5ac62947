import { defineProjectConfig } from '../../tools/test/vitest-shared';

// The suites start their own PostgreSQL and Redis per backend; the shared test services would go unused.
export default defineProjectConfig('tests/fault-tolerance', { usesServices: false });
