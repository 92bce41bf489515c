// RE2 (Go regexp) → JS RegExp. The two dialects differ in small ways that change matches, so we
// rewrite those constructs and refuse what JS cannot express with the same meaning.
import { FunctionError } from './shared.js';

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

// RE2 \s is ASCII only; JS \s also matches \v and Unicode spaces.
const RE2_SPACE = '\\t\\n\\f\\r ';

const GENERAL_CATEGORIES = new Set(['C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs']);

function unsupported(pattern: string, what: string): never {
  throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: ${what} is not supported`);
}

function hexEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

function quoteLiteral(text: string): string {
  return Array.from(text, (char) => (/[A-Za-z0-9_ ]/.test(char) ? char : hexEscape(char))).join('');
}

export interface TranslatedPattern {
  readonly regexp: RegExp;
  readonly groupNames: ReadonlyArray<string | undefined>;
}

/** Translates an RE2 pattern; `global` adds the g flag for replace/regexall. */
export function translateRe2(pattern: string, global = false): TranslatedPattern {
  let i = 0;
  let ignoreCase = false;
  let dotAll = false;
  let multiLine = false;
  // Leading flag groups `(?is)` set flags for the whole pattern; anywhere else JS cannot follow.
  for (let flags = /^\(\?([imsU]+)\)/.exec(pattern.slice(i)); flags; flags = /^\(\?([imsU]+)\)/.exec(pattern.slice(i))) {
    const set = flags[1] ?? '';
    if (set.includes('U')) unsupported(pattern, 'the U (ungreedy) flag');
    ignoreCase ||= set.includes('i');
    dotAll ||= set.includes('s');
    multiLine ||= set.includes('m');
    i += flags[0].length;
  }

  let out = '';
  let inClass = false;
  const groupNames: Array<string | undefined> = [];
  const readEscape = (): string => {
    // Called with pattern[i] === '\\'; returns the JS text and advances i.
    const next = pattern[i + 1];
    if (next === undefined) throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: trailing backslash`);
    i += 2;
    switch (next) {
      case 'd': case 'D': case 'w': case 'W': case 'b': case 'B': case 'n': case 't': case 'r': case 'f': case 'v':
        if (inClass && (next === 'b' || next === 'B')) unsupported(pattern, `\\${next} inside a character class`);
        return `\\${next}`;
      case 's':
        return inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      case 'S':
        if (inClass) unsupported(pattern, '\\S inside a character class');
        return `[^${RE2_SPACE}]`;
      case 'a':
        return '\\x07';
      case 'A':
        if (inClass) unsupported(pattern, '\\A inside a character class');
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) unsupported(pattern, '\\z inside a character class');
        return '(?![\\s\\S])';
      case 'x': {
        const braced = /^\{([0-9A-Fa-f]+)\}/.exec(pattern.slice(i));
        if (braced) {
          i += braced[0].length;
          return `\\u{${braced[1]}}`;
        }
        const two = /^[0-9A-Fa-f]{2}/.exec(pattern.slice(i));
        if (!two) throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: invalid \\x escape`);
        i += 2;
        return `\\x${two[0]}`;
      }
      case 'p': case 'P': {
        let name: string;
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          if (end < 0) throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: unclosed \\${next}{`);
          name = pattern.slice(i + 1, end);
          i = end + 1;
        } else {
          name = pattern[i] ?? '';
          i += 1;
        }
        let negate = next === 'P';
        if (name.startsWith('^')) {
          negate = !negate;
          name = name.slice(1);
        }
        const property = name === 'Any' ? undefined : GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
        if (property === undefined) return negate ? (inClass ? unsupported(pattern, '\\P{Any}') : '[^\\s\\S]') : inClass ? '\\s\\S' : '[\\s\\S]';
        return `\\${negate ? 'P' : 'p'}{${property}}`;
      }
      case 'Q': {
        const end = pattern.indexOf('\\E', i);
        const literal = pattern.slice(i, end < 0 ? undefined : end);
        i = end < 0 ? pattern.length : end + 2;
        return quoteLiteral(literal);
      }
      default:
        if (/[0-9]/.test(next)) unsupported(pattern, `\\${next} (backreferences and octal escapes)`);
        if (/[A-Za-z]/.test(next)) unsupported(pattern, `\\${next}`);
        // RE2 lets any punctuation be escaped; JS's u mode does not, so spell it as a code point.
        return hexEscape(next);
    }
  };

  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === '\\') {
      out += readEscape();
      continue;
    }
    if (inClass) {
      if (char === '[' && pattern[i + 1] === ':') {
        const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        if (posix) {
          const body = POSIX_CLASSES[posix[2] ?? ''];
          if (body === undefined) throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: unknown class [:${posix[2]}:]`);
          if (posix[1]) unsupported(pattern, `negated class [:^${posix[2]}:]`);
          out += body;
          i += posix[0].length;
          continue;
        }
      }
      if (char === ']') inClass = false;
      out += char === '[' ? '\\[' : char;
      i += 1;
      continue;
    }
    switch (char) {
      case '[': {
        inClass = true;
        out += '[';
        i += 1;
        if (pattern[i] === '^') {
          out += '^';
          i += 1;
        }
        // A `]` first in a class is a literal in RE2.
        if (pattern[i] === ']') {
          out += '\\]';
          i += 1;
        }
        continue;
      }
      case '(': {
        if (pattern[i + 1] !== '?') {
          groupNames.push(undefined);
          out += '(';
          i += 1;
          continue;
        }
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(pattern.slice(i));
        if (named) {
          groupNames.push(named[1]);
          out += `(?<${named[1]}>`;
          i += named[0].length;
          continue;
        }
        if (pattern.startsWith('(?:', i)) {
          out += '(?:';
          i += 3;
          continue;
        }
        unsupported(pattern, `the group syntax ${pattern.slice(i, i + 4)}…`);
        break;
      }
      case '.':
        out += dotAll ? '[\\s\\S]' : '[^\\n]';
        i += 1;
        continue;
      case '^':
        out += multiLine ? '(?<![^\\n])' : '(?<![\\s\\S])';
        i += 1;
        continue;
      case '$':
        out += multiLine ? '(?![^\\n])' : '(?![\\s\\S])';
        i += 1;
        continue;
      case '{': {
        const repeat = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
        if (repeat) {
          out += repeat[0];
          i += repeat[0].length;
        } else {
          // Not a repetition: a literal brace in RE2, an error in JS's u mode.
          out += '\\{';
          i += 1;
        }
        continue;
      }
      case '}':
      case ']':
        out += `\\${char}`;
        i += 1;
        continue;
      default:
        out += char;
        i += 1;
    }
  }
  if (inClass) throw new FunctionError(`regular expression ${JSON.stringify(pattern)}: missing closing ]`);
  const flags = `u${ignoreCase ? 'i' : ''}${global ? 'g' : ''}`;
  try {
    return { regexp: new RegExp(out, flags), groupNames };
  } catch (error) {
    throw new FunctionError(`invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`, { cause: error });
  }
}
