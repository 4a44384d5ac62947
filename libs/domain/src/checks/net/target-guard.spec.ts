import { describe, expect, it } from 'vitest';
import { BlockedTargetError, PRIVATE_TARGET_GUARD, refusalOfAny, targetGuardOf } from './target-guard';

const LOOPBACK = 'a loopback address';
const PRIVATE = 'a private address';
const LINK_LOCAL = 'a link-local or cloud metadata address';
const UNSPECIFIED = 'an unspecified address';

// Addresses are only classified here: nothing is ever sent to any of them.
const reasonOf = (address: string) => PRIVATE_TARGET_GUARD.refusal(address)?.reason ?? null;

describe('the BLOCK_PRIVATE_TARGETS address policy', () => {
  it.each([
    ['127.0.0.1', LOOPBACK],
    ['127.255.255.254', LOOPBACK],
    ['10.0.0.1', PRIVATE],
    ['10.255.255.255', PRIVATE],
    ['172.16.0.1', PRIVATE],
    ['172.31.255.255', PRIVATE],
    ['192.168.1.1', PRIVATE],
    ['100.64.0.1', PRIVATE],
    ['100.127.255.255', PRIVATE],
    ['192.0.0.8', PRIVATE],
    ['198.18.0.1', PRIVATE],
    ['198.19.255.255', PRIVATE],
    ['169.254.0.1', LINK_LOCAL],
    ['169.254.169.254', LINK_LOCAL],
    ['100.100.100.200', LINK_LOCAL],
    ['0.0.0.0', UNSPECIFIED],
    ['0.1.2.3', UNSPECIFIED],
  ])('refuses the IPv4 address %s as %s', (address, reason) => {
    expect(reasonOf(address)).toBe(reason);
  });

  it.each([
    ['::1', LOOPBACK],
    ['::', UNSPECIFIED],
    ['fc00::1', PRIVATE],
    ['fd12:3456:789a::1', PRIVATE],
    ['fd00:ec2::254', LINK_LOCAL],
    ['fe80::1', LINK_LOCAL],
    ['FE80::ABCD', LINK_LOCAL],
    ['febf:ffff::1', LINK_LOCAL],
    ['fe80::1%eth0', LINK_LOCAL],
  ])('refuses the IPv6 address %s as %s', (address, reason) => {
    expect(reasonOf(address)).toBe(reason);
  });

  it.each([
    ['::ffff:127.0.0.1', LOOPBACK],
    ['::ffff:7f00:1', LOOPBACK],
    ['0:0:0:0:0:ffff:7f00:1', LOOPBACK],
    ['::ffff:10.1.2.3', PRIVATE],
    ['::ffff:169.254.169.254', LINK_LOCAL],
    ['::ffff:a9fe:a9fe', LINK_LOCAL],
  ])('judges the IPv4-mapped address %s by its IPv4: %s', (address, reason) => {
    expect(reasonOf(address)).toBe(reason);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '169.253.255.255',
    '126.255.255.255',
    '128.0.0.1',
    '2606:2800:220:1:248:1893:25c8:1946',
    '2620:fe::fe',
    'fbff:ffff::1',
    'fec0::1',
    '::2',
    '::ffff:93.184.216.34',
  ])('allows the public-looking address %s', (address) => {
    expect(reasonOf(address)).toBeNull();
  });

  it('names the address, its class and the setting, and the name it came from when there is one', () => {
    expect(PRIVATE_TARGET_GUARD.refusal('127.0.0.1')?.message).toBe('127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on');
    expect(PRIVATE_TARGET_GUARD.refusal('127.0.0.1', '127.0.0.1')?.message).toBe(
      '127.0.0.1 is a loopback address, and BLOCK_PRIVATE_TARGETS is on',
    );
    const refusal = PRIVATE_TARGET_GUARD.refusal('169.254.169.254', 'metadata.example.test');
    expect(refusal).toBeInstanceOf(BlockedTargetError);
    expect(refusal).toMatchObject({
      address: '169.254.169.254',
      reason: LINK_LOCAL,
      message: 'metadata.example.test resolves to 169.254.169.254, a link-local or cloud metadata address, and BLOCK_PRIVATE_TARGETS is on',
    });
  });

  it('refuses a name when any one of its addresses is refused', () => {
    expect(refusalOfAny(PRIVATE_TARGET_GUARD, ['93.184.216.34', '10.0.0.7'], 'mixed.example.test')?.message).toBe(
      'mixed.example.test resolves to 10.0.0.7, a private address, and BLOCK_PRIVATE_TARGETS is on',
    );
    expect(refusalOfAny(PRIVATE_TARGET_GUARD, ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])).toBeNull();
    expect(refusalOfAny(PRIVATE_TARGET_GUARD, [])).toBeNull();
  });

  it('is there only when the setting is on', () => {
    expect(targetGuardOf({ blockPrivateTargets: false })).toBeNull();
    expect(targetGuardOf({ blockPrivateTargets: true })).toBe(PRIVATE_TARGET_GUARD);
  });
});
