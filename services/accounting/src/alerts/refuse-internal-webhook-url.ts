import { BlockList, isIP } from 'node:net';
import { apiErrors } from '@switchyard/service-kit';

/** Addresses no team's webhook may name: loopback, private, link-local, CGNAT, unspecified. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}
const INTERNAL_NAMES = /(^|\.)(localhost|internal|local)$/i;

/**
 * A team_admin's webhook must be https to a public host: accounting sends from inside the
 * cluster, and a team's delivery log shows each attempt's status, so an internal address would
 * let a team probe the network. Refuses IP literals in internal ranges (IPv4-mapped IPv6 too)
 * and names that are internal by form (`localhost`, `*.internal`, `*.local`); an admin may name
 * any address (an internal alert relay). A public name that resolves inside is not caught here:
 * restrict accounting's egress (docs/operations.md).
 */
export function refuseInternalWebhookUrl(url: string): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') {
    throw apiErrors.invalidRequest('A team webhook must use https.', 'url');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host)?.[1];
  const address = mapped ?? host;
  const family = isIP(address);
  const internal =
    family === 4
      ? INTERNAL.check(address, 'ipv4')
      : family === 6
        ? INTERNAL.check(address, 'ipv6')
        : INTERNAL_NAMES.test(host);
  if (internal) {
    throw apiErrors.invalidRequest(
      'A team webhook must name a public host, not a loopback, private or link-local address.',
      'url',
    );
  }
}
