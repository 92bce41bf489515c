import { num, str, unknown } from '../eval-value.js';
import { FunctionError, arity, asString, strict } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

// The current time differs on every run (timestamp) or is fixed only at plan time (plantimestamp).
function now(name: string): TfFunction {
  return (args) => {
    arity(name, args, 0);
    return unknown(`${name}() is the time of the run`, { type: 'string' });
  };
}

interface Instant {
  /** Nanoseconds since the epoch (UTC). */
  readonly nanos: bigint;
  /** Offset of the written zone in minutes; `undefined` for `Z`. */
  readonly offset: number | undefined;
}

const NANOS_PER_MS = 1_000_000n;

// RFC 3339 as Go's time.RFC3339 parses it: uppercase T and Z, optional fraction, numeric offset.
function parseTimestamp(name: string, text: string): Instant {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) throw new FunctionError(`${name}(): not a valid RFC 3339 timestamp: ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (month < 1 || month > 12 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw new FunctionError(`${name}(): timestamp out of range: ${JSON.stringify(text)}`);
  const offset = zone === 'Z' ? undefined : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const nanos = BigInt(ms) * NANOS_PER_MS + BigInt(fraction.padEnd(9, '0')) - BigInt((offset ?? 0) * 60) * 1_000_000_000n;
  return { nanos, offset };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function zoneText(offset: number | undefined, colon: boolean): string {
  const minutes = offset ?? 0;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The wall-clock fields of an instant in its own zone. */
function fields(instant: Instant): Date {
  const localMs = Number((instant.nanos / NANOS_PER_MS) - (instant.nanos % NANOS_PER_MS < 0n ? 1n : 0n)) + (instant.offset ?? 0) * 60_000;
  return new Date(localMs);
}

function formatRfc3339(instant: Instant): string {
  const t = fields(instant);
  const zone = instant.offset === undefined ? 'Z' : zoneText(instant.offset, true);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${zone}`;
}

function formatVerb(letters: string, instant: Instant): string {
  const t = fields(instant);
  const hour12 = t.getUTCHours() % 12 === 0 ? 12 : t.getUTCHours() % 12;
  const table: Readonly<Record<string, string>> = {
    YYYY: pad(t.getUTCFullYear(), 4),
    YY: pad(t.getUTCFullYear() % 100),
    MMMM: MONTHS[t.getUTCMonth()] as string,
    MMM: (MONTHS[t.getUTCMonth()] as string).slice(0, 3),
    MM: pad(t.getUTCMonth() + 1),
    M: String(t.getUTCMonth() + 1),
    DD: pad(t.getUTCDate()),
    D: String(t.getUTCDate()),
    EEEE: DAYS[t.getUTCDay()] as string,
    EEE: (DAYS[t.getUTCDay()] as string).slice(0, 3),
    hh: pad(t.getUTCHours()),
    h: String(t.getUTCHours()),
    HH: pad(hour12),
    H: String(hour12),
    AA: t.getUTCHours() < 12 ? 'AM' : 'PM',
    aa: t.getUTCHours() < 12 ? 'am' : 'pm',
    mm: pad(t.getUTCMinutes()),
    m: String(t.getUTCMinutes()),
    ss: pad(t.getUTCSeconds()),
    s: String(t.getUTCSeconds()),
    ZZZZZ: zoneText(instant.offset, true),
    ZZZZ: zoneText(instant.offset, false),
    // A timestamp carries an offset, not a zone name: Go prints "UTC" for Z and the offset otherwise.
    ZZZ: instant.offset === undefined ? 'UTC' : zoneText(instant.offset, false),
    Z: instant.offset === undefined ? 'Z' : zoneText(instant.offset, true),
  };
  const out = table[letters];
  if (out === undefined) throw new FunctionError(`formatdate(): invalid date format verb ${JSON.stringify(letters)}`);
  return out;
}

const formatdate = strict('formatdate', 2, 2, 'string', (args) => {
  const spec = asString('formatdate', args[0]!, 'format');
  const instant = parseTimestamp('formatdate', asString('formatdate', args[1]!, 'timestamp'));
  let out = '';
  let i = 0;
  while (i < spec.length) {
    const char = spec[i] as string;
    if (char === "'") {
      // 'literal text', with '' for a quote inside or on its own.
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let literal = '';
      for (;;) {
        if (j >= spec.length) throw new FunctionError('formatdate(): unterminated literal in format string');
        if (spec[j] === "'") {
          if (spec[j + 1] === "'") {
            literal += "'";
            j += 2;
            continue;
          }
          break;
        }
        literal += spec[j];
        j++;
      }
      out += literal;
      i = j + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let j = i;
      while (spec[j] === char) j++;
      out += formatVerb(spec.slice(i, j), instant);
      i = j;
    } else {
      out += char;
      i++;
    }
  }
  return str(out);
});

const UNITS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

// Go's time.ParseDuration: a signed sequence of decimal numbers, each with a unit ("1h30m", "-2.5s").
function parseDuration(text: string): bigint {
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (!match && text !== '0') throw new FunctionError(`timeadd(): invalid duration ${JSON.stringify(text)}`);
  if (text === '0') return 0n;
  let total = 0n;
  for (const part of text.slice(match![1]!.length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const [whole = '', fraction = ''] = (part[1] as string).split('.');
    const unit = UNITS[part[2] as string] as bigint;
    total += BigInt(whole || '0') * unit + (fraction ? (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length) : 0n);
  }
  return match![1] === '-' ? -total : total;
}

const timeadd = strict('timeadd', 2, 2, 'string', (args) => {
  const instant = parseTimestamp('timeadd', asString('timeadd', args[0]!, 'timestamp'));
  const duration = parseDuration(asString('timeadd', args[1]!, 'duration'));
  return str(formatRfc3339({ nanos: instant.nanos + duration, offset: instant.offset }));
});

const timecmp = strict('timecmp', 2, 2, 'number', (args) => {
  const a = parseTimestamp('timecmp', asString('timecmp', args[0]!, 'timestamp_a')).nanos;
  const b = parseTimestamp('timecmp', asString('timecmp', args[1]!, 'timestamp_b')).nanos;
  return num(a < b ? -1 : a > b ? 1 : 0);
});

export const DATE_TIME_FUNCTIONS: FunctionTable = [
  ['formatdate', formatdate],
  ['plantimestamp', now('plantimestamp')],
  ['timeadd', timeadd],
  ['timecmp', timecmp],
  ['timestamp', now('timestamp')],
];
