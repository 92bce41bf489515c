// IPv4 and IPv6 prefixes as BigInt addresses; results are printed the way Go's net package prints them.
import { list, str } from '../eval-value.js';
import type { EvalValue } from '../eval-value.js';
import { FunctionError, asInteger, asString, strict } from './shared.js';
import type { FunctionTable } from './shared.js';

interface Prefix {
  readonly bits: 32 | 128;
  readonly network: bigint;
  readonly length: number;
}

// Terraform's address parser accepts leading zeros in IPv4 octets and reads them as decimal.
function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  let groups: string[];
  let tail = '';
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = text.slice(lastColon + 1);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  } else groups = head;
  if (groups.length !== 8 || !groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return undefined;
  let value = groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
  if (tail) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    value = (value & ~0xffffffffn) | v4;
  }
  return value;
}

function parsePrefix(name: string, text: string): Prefix {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const lengthText = slash < 0 ? '' : text.slice(slash + 1);
  const v4 = address.includes(':') ? undefined : parseIpv4(address);
  const v6 = v4 === undefined ? parseIpv6(address) : undefined;
  const bits = v4 !== undefined ? 32 : 128;
  const value = v4 ?? v6;
  if (value === undefined || !/^\d{1,3}$/.test(lengthText) || Number(lengthText) > bits) throw new FunctionError(`${name}(): invalid CIDR address ${JSON.stringify(text)}`);
  const length = Number(lengthText);
  return { bits, network: value & mask(bits, length), length };
}

function mask(bits: number, length: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - length)) - 1n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

// Go's net.IP.String: IPv4-mapped addresses print dotted; otherwise RFC 5952 (longest zero run → ::).
function formatAddress(bits: number, value: bigint): string {
  if (bits === 32) return formatIpv4(value);
  if (value >> 32n === 0xffffn) return formatIpv4(value & 0xffffffffn);
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function subnet(name: string, prefix: Prefix, newbits: number, netnum: bigint): Prefix {
  if (newbits < 0) throw new FunctionError(`${name}(): newbits must not be negative`);
  const length = prefix.length + newbits;
  if (length > prefix.bits) throw new FunctionError(`${name}(): insufficient address space to extend prefix of ${prefix.length} by ${newbits}`);
  if (netnum < 0n || netnum >= 1n << BigInt(newbits)) throw new FunctionError(`${name}(): prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return { bits: prefix.bits, network: prefix.network | (netnum << BigInt(prefix.bits - length)), length };
}

function formatPrefix(prefix: Prefix): string {
  return `${formatAddress(prefix.bits, prefix.network)}/${prefix.length}`;
}

const cidrsubnet = strict('cidrsubnet', 3, 3, 'string', (args) => {
  const prefix = parsePrefix('cidrsubnet', asString('cidrsubnet', args[0]!, 'prefix'));
  const newbits = asInteger('cidrsubnet', args[1]!, 'newbits');
  const netnum = asInteger('cidrsubnet', args[2]!, 'netnum');
  return str(formatPrefix(subnet('cidrsubnet', prefix, newbits, BigInt(netnum))));
});

// Negative host numbers count back from the end of the range (-1 is the last address).
const cidrhost = strict('cidrhost', 2, 2, 'string', (args) => {
  const prefix = parsePrefix('cidrhost', asString('cidrhost', args[0]!, 'prefix'));
  const hostnum = BigInt(asInteger('cidrhost', args[1]!, 'hostnum'));
  const size = 1n << BigInt(prefix.bits - prefix.length);
  const offset = hostnum < 0n ? size + hostnum : hostnum;
  if (offset < 0n || offset >= size) throw new FunctionError(`cidrhost(): prefix of ${prefix.length} does not accommodate a host numbered ${hostnum}`);
  return str(formatAddress(prefix.bits, prefix.network + offset));
});

const cidrnetmask = strict('cidrnetmask', 1, 1, 'string', (args) => {
  const prefix = parsePrefix('cidrnetmask', asString('cidrnetmask', args[0]!, 'prefix'));
  if (prefix.bits !== 32) throw new FunctionError('cidrnetmask(): only IPv4 prefixes have a netmask');
  return str(formatIpv4(mask(32, prefix.length)));
});

// Consecutive allocation: each subnet starts at the first aligned address after the previous one.
const cidrsubnets = strict('cidrsubnets', 1, Infinity, 'list', (args) => {
  const prefix = parsePrefix('cidrsubnets', asString('cidrsubnets', args[0]!, 'prefix'));
  const baseEnd = prefix.network + (1n << BigInt(prefix.bits - prefix.length));
  const out: EvalValue[] = [];
  let next = prefix.network;
  for (const [i, arg] of args.slice(1).entries()) {
    const newbits = asInteger('cidrsubnets', arg, `newbits ${i + 1}`);
    if (newbits < 1) throw new FunctionError(`cidrsubnets(): must extend prefix by at least one bit`);
    const length = prefix.length + newbits;
    if (length > prefix.bits) throw new FunctionError(`cidrsubnets(): would extend prefix to ${length} bits, which is too long for an IPv${prefix.bits === 32 ? 4 : 6} address`);
    const size = 1n << BigInt(prefix.bits - length);
    const start = (next + size - 1n) & ~(size - 1n);
    if (start + size > baseEnd) throw new FunctionError(`cidrsubnets(): not enough remaining address space for a subnet with a prefix of ${length} bits after ${out.length > 0 ? (out[out.length - 1] as { value: string }).value : formatPrefix(prefix)}`);
    out.push(str(formatPrefix({ bits: prefix.bits, network: start, length })));
    next = start + size;
  }
  return list(out, 'list');
});

export const IP_NETWORK_FUNCTIONS: FunctionTable = [
  ['cidrhost', cidrhost],
  ['cidrnetmask', cidrnetmask],
  ['cidrsubnet', cidrsubnet],
  ['cidrsubnets', cidrsubnets],
];
