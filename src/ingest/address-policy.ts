/**
 * Which network addresses a fetch may connect to. The HTTP API fetches URLs that its clients name
 * (`POST /documents {fetch}`), so by default it refuses every address that is not on the public
 * internet: a client must not make the server read its own loopback, the private network behind it,
 * or a cloud metadata service (169.254.169.254). The check runs on the addresses a host name resolves
 * to, at connection time (so a name that resolves differently the second time gains nothing), and on
 * every redirect hop.
 */
import { BlockList, isIP } from 'node:net';
import { DyadError } from '../core/errors.js';

/** An address is allowed or refused, with the reason ("loopback", "private", ...). */
export type AddressPolicy = (address: string) => { readonly allowed: true } | { readonly allowed: false; readonly why: string };

type Range = readonly [address: string, prefix: number, why: string];

const V4: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'], ['127.0.0.0', 8, 'loopback'], ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'], ['192.168.0.0', 16, 'private'], ['169.254.0.0', 16, 'link-local'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'], ['192.0.0.0', 24, 'reserved'], ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'multicast'], ['240.0.0.0', 4, 'reserved'],
];

const V6: readonly Range[] = [
  ['::', 128, 'unspecified'], ['::1', 128, 'loopback'], ['fc00::', 7, 'private (unique local)'],
  ['fe80::', 10, 'link-local'], ['fec0::', 10, 'private (site-local)'], ['ff00::', 8, 'multicast'],
];

/** Each non-public range in its own list, so that a refusal can say which kind of address it was. */
const LISTS: ReadonlyArray<readonly [BlockList, string]> = [...V4.map((r) => [r, 'ipv4'] as const), ...V6.map((r) => [r, 'ipv6'] as const)]
  .map(([[address, prefix, why], family]) => {
    const list = new BlockList();
    list.addSubnet(address, prefix, family);
    return [list, why] as const;
  });

/**
 * Refuses loopback, private, link-local, unspecified, multicast and reserved addresses (IPv4-mapped
 * IPv6 addresses such as ::ffff:127.0.0.1 count as their IPv4 address); allows the rest.
 */
export const publicAddressesOnly: AddressPolicy = (address) => {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  for (const [list, why] of LISTS) if (list.check(address, family)) return { allowed: false, why };
  return { allowed: true };
};

/** The error for a refused address: names the host, the address and why, and how to allow it. */
export function refusedAddress(host: string, address: string, why: string, input: string): DyadError {
  const resolved = host === address ? `${address} is` : `${host} resolves to ${address},`;
  return new DyadError('INPUT_HOST_REFUSED', `not fetched: ${resolved} a ${why} address; this server fetches only public addresses (start it with --allow-private-fetch to allow others)`, input);
}

/** A URL's host without IPv6 brackets, and whether it is an address already (no lookup then). */
export function hostOf(url: URL): { host: string; literal: boolean } {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, literal: isIP(host) !== 0 };
}
