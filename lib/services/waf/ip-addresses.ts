// An IP set's addresses as WAF takes them: CIDR blocks of the set's one address family (IPV4: `192.0.2.0/24`;
// IPV6: `2001:db8::/32`, any notation RFC 4291 allows), every prefix length but /0, no bits set past the prefix
// (WAF refuses `192.0.2.1/24`), and at most 10,000 of them (WAF's quota for one IP set). Pure: no database.
import { INVALID_FORMAT, invalidParameter, limitsExceeded } from './waf-errors';

export type IpAddressVersion = 'IPV4' | 'IPV6';

export const MAX_ADDRESSES_PER_IP_SET = 10_000;

const WIDTH: Record<IpAddressVersion, number> = { IPV4: 32, IPV6: 128 };

/** A dotted-quad IPv4 address as a 32-bit number, or null (no leading zeros, which some parsers read as octal). */
export function ipv4Value(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** The 16-bit groups of one side of `::`; an IPv4 address may end the last side only. */
function groupsOf(part: string, last: boolean): number[] | null {
  if (part === '') return [];
  const groups = part.split(':');
  const out: number[] = [];
  for (const [i, group] of groups.entries()) {
    if (last && i === groups.length - 1 && group.includes('.')) {
      const v4 = ipv4Value(group);
      if (v4 === null) return null;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
      out.push(Number.parseInt(group, 16));
    } else {
      return null;
    }
  }
  return out;
}

/** An IPv6 address (with `::` compression or a trailing IPv4 part; no zone) as a 128-bit number, or null. */
export function ipv6Value(text: string): bigint | null {
  const sides = text.split('::');
  if (sides.length > 2) return null;
  const head = groupsOf(sides[0] as string, sides.length === 1);
  const tail = sides.length === 2 ? groupsOf(sides[1] as string, true) : [];
  if (!head || !tail) return null;
  if (sides.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return null;
  const groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** Whether `text` is a CIDR block WAF accepts in an IP set of this address family. */
export function isWafCidr(text: string, version: IpAddressVersion): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const width = WIDTH[version];
  if (!/^[1-9]\d{0,2}$/.test(prefixText)) return false; // also refuses /0 and /00
  const prefix = Number(prefixText);
  if (prefix > width) return false;
  const value = version === 'IPV4' ? ipv4Value(address) : ipv6Value(address);
  if (value === null) return false;
  const hostBits = (1n << BigInt(width - prefix)) - 1n;
  return (value & hostBits) === 0n;
}

/** Refuses what WAF refuses: an address that is not such a block (WAFInvalidParameterException naming it), or
 * more addresses than one IP set may hold (WAFLimitsExceededException). */
export function checkIpAddresses(version: IpAddressVersion, addresses: readonly string[]): void {
  for (const address of addresses) {
    if (!isWafCidr(address, version)) throw invalidParameter('IP_ADDRESS', address, INVALID_FORMAT);
  }
  if (addresses.length > MAX_ADDRESSES_PER_IP_SET) throw limitsExceeded();
}
