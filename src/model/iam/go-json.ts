// The AWS provider renders policies with Go's encoding/json; `json` must match it byte for byte
// (it is compared, hashed and diffed), so this writes JSON the way Go does, not JSON.stringify:
// keys in the order given (structs) or sorted by bytes (maps), `<` `>` `&` U+2028 U+2029 escaped,
// `\b` `\f` short escapes (Go >= 1.22), other control characters as lowercase `\u00xx`.

/** A JSON value whose object keys keep the order they are given in. */
export type GoJson = null | boolean | number | string | readonly GoJson[] | GoObject;

export class GoObject {
  constructor(readonly pairs: ReadonlyArray<readonly [string, GoJson]>) {}

  /** A Go map: keys sorted by their UTF-8 bytes. */
  static sorted(entries: Iterable<readonly [string, GoJson]>): GoObject {
    return new GoObject([...entries].sort((a, b) => compareGoStrings(a[0], b[0])));
  }
}

/** `json.Marshal` (compact) or `json.MarshalIndent(v, "", "  ")`. */
export function goMarshal(value: GoJson, indent: boolean): string {
  return write(value, indent ? '\n' : '', indent ? '  ' : '', indent ? ': ' : ':');
}

/** Go's string order: UTF-8 bytes, which is code point order (JS `<` compares UTF-16 units). */
export function compareGoStrings(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = (left[i] as string).codePointAt(0) as number;
    const y = (right[i] as string).codePointAt(0) as number;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}

function write(value: GoJson, newline: string, step: string, colon: string): string {
  const nested = (inner: GoJson, depth: string): string => write(inner, newline === '' ? '' : newline + depth, step, colon);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return goString(value);
  const open = newline + step;
  if (value instanceof GoObject) {
    if (value.pairs.length === 0) return '{}';
    return '{' + value.pairs.map(([key, inner]) => open + goString(key) + colon + nested(inner, step)).join(',') + newline + '}';
  }
  if (value.length === 0) return '[]';
  return '[' + value.map((inner) => open + nested(inner, step)).join(',') + newline + ']';
}

const HEX = '0123456789abcdef';

function goString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + (text[i + 1] as string);
        i++;
      } else out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go: replaced
      continue;
    }
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code < 0x20 || code === 0x3c || code === 0x3e || code === 0x26) out += '\\u00' + HEX[code >> 4] + HEX[code & 0xf];
    else if (code === 0x2028 || code === 0x2029) out += '\\u' + code.toString(16);
    else out += text[i];
  }
  return out + '"';
}
