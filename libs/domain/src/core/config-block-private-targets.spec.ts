import { describe, expect, it } from 'vitest';
import { domainSettingsOf, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

describe('BLOCK_PRIVATE_TARGETS in the configuration', () => {
  it("is off unless set, since monitoring one's own LAN is a common use", () => {
    expect(loadConfig(base).blockPrivateTargets).toBe(false);
    expect(loadConfig({ ...base, BLOCK_PRIVATE_TARGETS: 'false' }).blockPrivateTargets).toBe(false);
  });

  it('reaches the domain settings when on', () => {
    const config = loadConfig({ ...base, BLOCK_PRIVATE_TARGETS: 'true' });
    expect(config.blockPrivateTargets).toBe(true);
    expect(domainSettingsOf(config).blockPrivateTargets).toBe(true);
  });

  it.each(['yes', 'TRUE', '1', ''])('refuses %j naming the variable', (value) => {
    expect(() => loadConfig({ ...base, BLOCK_PRIVATE_TARGETS: value })).toThrow(
      'BLOCK_PRIVATE_TARGETS: BLOCK_PRIVATE_TARGETS must be true or false',
    );
  });
});
