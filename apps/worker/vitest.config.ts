import { defineProjectConfig } from '../../tools/test/vitest-shared';

export default defineProjectConfig('apps/worker');
