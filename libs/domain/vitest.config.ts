import { defineProjectConfig } from '../../tools/test/vitest-shared';

export default defineProjectConfig('libs/domain');
