import { NULL, isWhollyKnown, list, object, str } from '../eval-value.js';
import type { EvalValue } from '../eval-value.js';
import { encodeJson } from './json.js';
import { translateRe2 } from './re2.js';
import { FunctionError, arity, asInteger, asList, asNumber, asString, derived, formatNumber, graphemes, strict, strings, unknownOf } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

function formatVerb(name: string, verb: string, flags: string, width: number | undefined, precision: number | undefined, value: EvalValue): string {
  let body: string;
  const plus = flags.includes('+');
  const space = flags.includes(' ');
  const signed = (n: number, text: string): string => (n < 0 || Object.is(n, -0) ? text : plus ? `+${text}` : space ? ` ${text}` : text);
  switch (verb) {
    case 'v':
      body = value.kind === 'string' ? value.value : value.kind === 'null' ? 'null' : value.kind === 'list' || value.kind === 'object' ? encodeJson(value) : asString(name, value);
      break;
    case 's':
      body = asString(name, value);
      if (precision !== undefined) body = Array.from(body).slice(0, precision).join('');
      break;
    case 'q':
      body = encodeJson(str(asString(name, value)));
      break;
    case 't': {
      if (value.kind !== 'bool') throw new FunctionError(`${name}(): %t requires a bool`);
      body = String(value.value);
      break;
    }
    case 'd': case 'b': case 'o': case 'x': case 'X': {
      const n = verb === 'x' || verb === 'X' ? (value.kind === 'string' ? undefined : asNumber(name, value)) : asInteger(name, value);
      if (n === undefined) {
        body = Buffer.from(asString(name, value), 'utf8').toString('hex');
        if (verb === 'X') body = body.toUpperCase();
        break;
      }
      if (!Number.isInteger(n)) throw new FunctionError(`${name}(): %${verb} requires a whole number, got ${formatNumber(n)}`);
      const radix = verb === 'd' ? 10 : verb === 'b' ? 2 : verb === 'o' ? 8 : 16;
      let digits = BigInt(Math.abs(n)).toString(radix);
      if (verb === 'X') digits = digits.toUpperCase();
      if (flags.includes('#')) digits = (verb === 'x' ? '0x' : verb === 'X' ? '0X' : verb === 'o' ? '0' : '') + digits;
      body = signed(n, n < 0 ? `-${digits}` : digits);
      break;
    }
    case 'f': case 'e': case 'E': case 'g': case 'G': {
      const n = asNumber(name, value);
      let text: string;
      if (verb === 'f') text = Math.abs(n).toFixed(precision ?? 6);
      else if (verb === 'e' || verb === 'E') text = goExponent(Math.abs(n).toExponential(precision ?? 6));
      else {
        // %g: shortest representation, exponent form for large or small magnitudes like Go.
        const abs = Math.abs(n);
        const exponent = abs === 0 ? 0 : Math.floor(Math.log10(abs));
        const limit = precision ?? 21;
        if (precision !== undefined) text = abs.toPrecision(precision === 0 ? 1 : precision);
        else text = String(abs);
        if (exponent < -4 || exponent >= limit) text = goExponent(precision === undefined ? abs.toExponential() : abs.toExponential(Math.max(precision - 1, 0)));
        else if (/e/.test(text)) text = formatNumber(abs);
      }
      if (verb === 'E' || verb === 'G') text = text.toUpperCase();
      body = signed(n, n < 0 ? `-${text}` : text);
      break;
    }
    default:
      throw new FunctionError(`${name}(): unsupported format verb %${verb}`);
  }
  if (width !== undefined) {
    const length = Array.from(body).length;
    if (length < width) {
      if (flags.includes('-')) body = body + ' '.repeat(width - length);
      else if (flags.includes('0') && /[dbfoxXeEgG]/.test(verb)) {
        const sign = /^[+\- ]/.test(body) ? body[0] : '';
        body = sign + '0'.repeat(width - length) + body.slice(sign ? 1 : 0);
      } else body = ' '.repeat(width - length) + body;
    }
  }
  return body;
}

// Go writes exponents with at least two digits: 1.5e+03.
function goExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function format(name: string, spec: string, args: readonly EvalValue[]): string {
  let out = '';
  let next = 0;
  const pattern = /%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])?/gy;
  let i = 0;
  while (i < spec.length) {
    const percent = spec.indexOf('%', i);
    if (percent < 0) {
      out += spec.slice(i);
      break;
    }
    out += spec.slice(i, percent);
    pattern.lastIndex = percent;
    const match = pattern.exec(spec);
    if (!match || match[6] === undefined) throw new FunctionError(`${name}(): incomplete format verb at offset ${percent}`);
    const [whole, flags = '', indexBefore, widthText, precisionText, indexAfter, verb] = match;
    i = percent + whole.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const explicit = indexBefore ?? indexAfter;
    if (explicit !== undefined) next = Number(explicit) - 1;
    const value = args[next];
    if (value === undefined) throw new FunctionError(`${name}(): not enough arguments for format verb %${verb}`);
    next += 1;
    out += formatVerb(name, verb, flags, widthText === undefined ? undefined : Number(widthText), precisionText === undefined ? undefined : Number(precisionText || '0'), value);
  }
  if (next < args.length && !/%\[\d+\]/.test(spec)) throw new FunctionError(`${name}(): too many arguments; ${args.length - next} unused`);
  return out;
}

const formatFn = strict('format', 1, Infinity, 'string', (args) => str(format('format', asString('format', args[0]!), args.slice(1))));

const formatlist: TfFunction = (args) => {
  arity('formatlist', args, 1, Infinity);
  if (!args.every(isWhollyKnown)) return unknownOf('formatlist', args, 'list');
  const spec = asString('formatlist', args[0]!);
  let length: number | undefined;
  for (const arg of args.slice(1)) {
    if (arg.kind !== 'list') continue;
    if (length !== undefined && arg.items.length !== length) throw new FunctionError('formatlist(): all list arguments must have the same length');
    length = arg.items.length;
  }
  const rows: EvalValue[] = [];
  for (let row = 0; row < (length ?? 1); row++) {
    const values = args.slice(1).map((arg) => (arg.kind === 'list' ? (arg.items[row] as EvalValue) : arg));
    rows.push(str(format('formatlist', spec, values)));
  }
  return derived(list(rows, 'list'), args);
};

const join = strict('join', 2, Infinity, 'string', (args) => {
  const separator = asString('join', args[0]!, 'separator');
  const parts = args.slice(1).flatMap((arg, i) => strings('join', asList('join', arg, `list ${i + 1}`)));
  return str(parts.join(separator));
});

const split = strict('split', 2, 2, 'list', (args) => {
  const separator = asString('split', args[0]!, 'separator');
  const text = asString('split', args[1]!);
  const parts = separator === '' ? Array.from(text) : text.split(separator);
  return list(parts.map((part) => str(part)), 'list');
});

// Go's Regexp.Expand: `$name` takes the longest run of word characters, `${name}` is explicit, `$$` is `$`.
function expandReplacement(template: string, groups: ReadonlyArray<string | undefined>, named: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const key = braced ?? bare ?? '';
    if (/^\d+$/.test(key)) return groups[Number(key)] ?? '';
    return named[key] ?? '';
  });
}

const replace = strict('replace', 3, 3, 'string', (args) => {
  const text = asString('replace', args[0]!);
  const search = asString('replace', args[1]!, 'substring');
  const replacement = asString('replace', args[2]!, 'replacement');
  if (search.length >= 2 && search.startsWith('/') && search.endsWith('/')) {
    const { regexp } = translateRe2(search.slice(1, -1), true);
    return str(
      text.replace(regexp, (...match: unknown[]) => {
        const last = match[match.length - 1];
        const named = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : {};
        const groupCount = match.length - (typeof last === 'object' && last !== null ? 3 : 2);
        return expandReplacement(replacement, match.slice(0, groupCount) as Array<string | undefined>, named);
      }),
    );
  }
  return str(search === '' ? text : text.split(search).join(replacement));
});

function regexResult(name: string, match: RegExpExecArray, groupNames: ReadonlyArray<string | undefined>): EvalValue {
  if (groupNames.length === 0) return str(match[0]);
  const namedCount = groupNames.filter((group) => group !== undefined).length;
  if (namedCount > 0 && namedCount < groupNames.length) throw new FunctionError(`${name}(): pattern must use only named or only unnamed capture groups`);
  const capture = (text: string | undefined): EvalValue => (text === undefined ? NULL : str(text));
  if (namedCount > 0) return object(groupNames.map((group, i) => [group as string, capture(match[i + 1])]), 'map');
  return list(groupNames.map((_, i) => capture(match[i + 1])), 'list');
}

const regex = strict('regex', 2, 2, undefined, (args) => {
  const { regexp, groupNames } = translateRe2(asString('regex', args[0]!, 'pattern'));
  const match = regexp.exec(asString('regex', args[1]!));
  if (!match) throw new FunctionError('regex(): pattern did not match any part of the given string');
  return regexResult('regex', match, groupNames);
});

const regexall = strict('regexall', 2, 2, 'list', (args) => {
  const { regexp, groupNames } = translateRe2(asString('regexall', args[0]!, 'pattern'), true);
  const matches = Array.from(asString('regexall', args[1]!).matchAll(regexp));
  return list(matches.map((match) => regexResult('regexall', match, groupNames)), 'list');
});

// Go maps case rune by rune; JS may expand (ß → SS), which Go leaves alone.
function mapRunes(text: string, convert: (char: string) => string): string {
  return Array.from(text, (char) => {
    const converted = convert(char);
    return Array.from(converted).length === 1 ? converted : char;
  }).join('');
}

function simple(name: string, convert: (text: string) => string): TfFunction {
  return strict(name, 1, 1, 'string', (args) => str(convert(asString(name, args[0]!))));
}

// Go's strings.Title word separators: ASCII except letters, digits and underscore; Unicode spaces.
function isTitleSeparator(char: string): boolean {
  if (char.codePointAt(0)! < 0x80) return !/[A-Za-z0-9_]/.test(char);
  if (/[\p{L}\p{Nd}]/u.test(char)) return false;
  return /\s/u.test(char);
}

function title(text: string): string {
  let previous = ' ';
  return Array.from(text, (char) => {
    const out = isTitleSeparator(previous) ? mapRunes(char, (c) => c.toUpperCase()) : char;
    previous = char;
    return out;
  }).join('');
}

// Go's unicode.IsSpace set (JS's \s also includes U+FEFF, which Go does not trim).
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'gu');

const trim = strict('trim', 2, 2, 'string', (args) => {
  const chars = Array.from(asString('trim', args[0]!));
  const cutset = new Set(Array.from(asString('trim', args[1]!, 'cutset')));
  let start = 0;
  let end = chars.length;
  while (start < end && cutset.has(chars[start] as string)) start++;
  while (end > start && cutset.has(chars[end - 1] as string)) end--;
  return str(chars.slice(start, end).join(''));
});

function twoStrings(name: string, type: 'string' | 'bool', impl: (a: string, b: string) => EvalValue): TfFunction {
  return strict(name, 2, 2, type, (args) => impl(asString(name, args[0]!), asString(name, args[1]!)));
}

const substr = strict('substr', 3, 3, 'string', (args) => {
  const chars = graphemes(asString('substr', args[0]!));
  let offset = asInteger('substr', args[1]!, 'offset');
  const length = asInteger('substr', args[2]!, 'length');
  if (offset < 0) {
    offset += chars.length;
    if (offset < 0) throw new FunctionError('substr(): offset cannot be larger than the length of the string');
  }
  if (offset >= chars.length) return str('');
  const end = length < 0 ? chars.length : Math.min(chars.length, offset + length);
  return str(chars.slice(offset, end).join(''));
});

const indent = strict('indent', 2, 2, 'string', (args) => {
  const spaces = asInteger('indent', args[0]!, 'spaces');
  if (spaces < 0) throw new FunctionError('indent(): spaces must not be negative');
  return str(asString('indent', args[1]!).split('\n').join(`\n${' '.repeat(spaces)}`));
});

export const STRING_FUNCTIONS: FunctionTable = [
  ['chomp', simple('chomp', (text) => text.replace(/(?:\r\n|\r|\n)+$/, ''))],
  ['endswith', twoStrings('endswith', 'bool', (a, b) => ({ kind: 'bool', value: a.endsWith(b) }))],
  ['format', formatFn],
  ['formatlist', formatlist],
  ['indent', indent],
  ['join', join],
  ['lower', simple('lower', (text) => mapRunes(text, (c) => c.toLowerCase()))],
  ['regex', regex],
  ['regexall', regexall],
  ['replace', replace],
  ['split', split],
  ['startswith', twoStrings('startswith', 'bool', (a, b) => ({ kind: 'bool', value: a.startsWith(b) }))],
  ['strcontains', twoStrings('strcontains', 'bool', (a, b) => ({ kind: 'bool', value: a.includes(b) }))],
  ['strrev', simple('strrev', (text) => graphemes(text).reverse().join(''))],
  ['substr', substr],
  ['title', simple('title', title)],
  ['trim', trim],
  ['trimprefix', twoStrings('trimprefix', 'string', (a, b) => str(a.startsWith(b) ? a.slice(b.length) : a))],
  ['trimspace', simple('trimspace', (text) => text.replace(TRIM_SPACE, ''))],
  ['trimsuffix', twoStrings('trimsuffix', 'string', (a, b) => str(b !== '' && a.endsWith(b) ? a.slice(0, a.length - b.length) : a))],
  ['upper', simple('upper', (text) => mapRunes(text, (c) => c.toUpperCase()))],
];
