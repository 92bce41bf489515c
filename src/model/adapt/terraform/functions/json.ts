// Terraform's JSON output is Go's encoding/json over cty: compact, object keys sorted, HTML-sensitive
// characters escaped, numbers in plain decimal notation.
import type { EvalValue } from '../eval-value.js';
import { FunctionError, compareStrings, formatNumber } from './shared.js';

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function encodeJsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else {
      const code = char.codePointAt(0)!;
      // Go escapes <, >, & (HTML safety), control characters, U+2028/U+2029, and lone surrogates as U+FFFD.
      if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
      else out += char;
    }
  }
  return `${out}"`;
}

/** Callers make sure the value is wholly known. */
export function encodeJson(value: EvalValue): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value.value)) throw new FunctionError('jsonencode(): cannot encode an infinite number');
      return formatNumber(value.value);
    case 'string':
      return encodeJsonString(value.value);
    case 'list':
      return `[${value.items.map(encodeJson).join(',')}]`;
    case 'object': {
      const keys = Array.from(value.entries.keys()).sort(compareStrings);
      return `{${keys.map((key) => `${encodeJsonString(key)}:${encodeJson(value.entries.get(key) as EvalValue)}`).join(',')}}`;
    }
    case 'unknown':
      throw new FunctionError('jsonencode(): cannot encode an unknown value');
  }
}
