import { BlockList, isIP } from 'node:net';

/** A class of addresses a guard refuses, and how a refusal names it ("a loopback address"). */
export interface AddressClass {
  reason: string;
  members: BlockList;
}

/** A class from `network/prefix` subnets, IPv4 and IPv6 alike. */
export function addressClass(reason: string, subnets: readonly string[]): AddressClass {
  const members = new BlockList();
  for (const subnet of subnets) {
    const [network = '', prefix = ''] = subnet.split('/');
    members.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  }
  return { reason, members };
}

/**
 * What BLOCK_PRIVATE_TARGETS refuses. The first class that holds an address names it: the metadata addresses sit
 * inside wider ranges (100.64/10, fc00::/7) and deserve their own name.
 */
export const PRIVATE_ADDRESS_CLASSES: readonly AddressClass[] = [
  addressClass('a link-local or cloud metadata address', ['169.254.0.0/16', '100.100.100.200/32', 'fe80::/10', 'fd00:ec2::254/128']),
  addressClass('a loopback address', ['127.0.0.0/8', '::1/128']),
  // Connecting to 0.0.0.0 or :: reaches this host on Linux.
  addressClass('an unspecified address', ['0.0.0.0/8', '::/128']),
  addressClass('a private address', [
    '10.0.0.0/8',
    '100.64.0.0/10',
    '172.16.0.0/12',
    '192.0.0.0/24',
    '192.168.0.0/16',
    '198.18.0.0/15',
    'fc00::/7',
  ]),
];

/** The refusal of a probe's connection; its message is shown to users as the check's error. */
export class BlockedTargetError extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
    host?: string,
  ) {
    const subject = host && host !== address ? `${host} resolves to ${address}, ${reason}` : `${address} is ${reason}`;
    super(`${subject}, and BLOCK_PRIVATE_TARGETS is on`);
    this.name = 'BlockedTargetError';
  }
}

/** Decides which addresses a probe may connect to. Probes take `null` when nothing is refused. */
export interface TargetGuard {
  /** The refusal of `address` (an IP address, found for `host` when given), or null when it may be reached. */
  refusal(address: string, host?: string): BlockedTargetError | null;
}

/** The first refusal among the addresses of `host`: any one refuses the name, as a probe may try each in turn. */
export function refusalOfAny(guard: TargetGuard, addresses: readonly string[], host?: string): BlockedTargetError | null {
  for (const address of addresses) {
    const refusal = guard.refusal(address, host);
    if (refusal) return refusal;
  }
  return null;
}

/** A guard refusing every address in `classes`; IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged by its IPv4. */
export function createTargetGuard(classes: readonly AddressClass[]): TargetGuard {
  return {
    refusal(address, host) {
      const reason = classOf(classes, address);
      return reason === null ? null : new BlockedTargetError(address, reason, host);
    },
  };
}

/** The guard BLOCK_PRIVATE_TARGETS turns on. */
export const PRIVATE_TARGET_GUARD = createTargetGuard(PRIVATE_ADDRESS_CLASSES);

/** The guard a probe gets from the settings: none unless BLOCK_PRIVATE_TARGETS is on. */
export const targetGuardOf = (settings: { blockPrivateTargets: boolean }): TargetGuard | null =>
  settings.blockPrivateTargets ? PRIVATE_TARGET_GUARD : null;

/** The reason of the first class holding `address`; null for an allowed address, or for text that is no IP address. */
function classOf(classes: readonly AddressClass[], address: string): string | null {
  // BlockList matches nothing with a zone (fe80::1%eth0) attached, yet the zone does not change where it goes.
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return null;
  // node's BlockList matches an IPv4-mapped IPv6 address against the IPv4 subnets itself.
  const type = family === 6 ? 'ipv6' : 'ipv4';
  return classes.find((candidate) => candidate.members.check(bare, type))?.reason ?? null;
}
