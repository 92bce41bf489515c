import { yaml } from '../../../../parse/kubernetes/full-yaml.js';
import { NULL, list, object, str } from '../eval-value.js';
import type { EvalValue } from '../eval-value.js';
import { encodeJson } from './json.js';
import { FunctionError, asString, compareStrings, fromPlain, strict } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

const encodeKnown = strict('jsonencode', 1, 1, 'string', (args) => str(encodeJson(args[0]!)));

// The string (or, when part of the argument is unknown, the unknown string) carries the structure it encodes.
const jsonencode: TfFunction = (args, context) => {
  const result = encodeKnown(args, context);
  const argument = args[0];
  if ((result.kind !== 'unknown' && result.kind !== 'string') || argument === undefined || (argument.kind !== 'object' && argument.kind !== 'list')) return result;
  return { ...result, encodes: argument };
};

const jsondecode = strict('jsondecode', 1, 1, undefined, (args) => {
  const text = asString('jsondecode', args[0]!);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FunctionError(`jsondecode(): invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  return fromPlain('jsondecode', data);
});

// Plain data for the yaml package (keys pre-sorted as Terraform sorts them).
function toPlain(value: EvalValue): unknown {
  switch (value.kind) {
    case 'null':
      return null;
    case 'bool':
    case 'string':
    case 'number':
      return value.value;
    case 'list':
      return value.items.map(toPlain);
    case 'object':
      return new Map(Array.from(value.entries.keys()).sort(compareStrings).map((key) => [key, toPlain(value.entries.get(key) as EvalValue)]));
    case 'unknown':
      throw new FunctionError('yamlencode(): cannot encode an unknown value');
  }
}

// Terraform's yamlencode double-quotes every string (keys included), sorts keys, and does not indent
// sequences under their key: `"a":\n- 1\n`.
const yamlencode = strict('yamlencode', 1, 1, 'string', (args) => {
  const document = new (yaml().Document)(toPlain(args[0]!));
  yaml().visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
    },
  });
  return str(document.toString({ indentSeq: false, lineWidth: 0 }));
});

const yamldecode = strict('yamldecode', 1, 1, undefined, (args) => {
  const documents = yaml().parseAllDocuments(asString('yamldecode', args[0]!));
  if (!Array.isArray(documents)) throw new FunctionError('yamldecode(): invalid YAML');
  if (documents.length > 1) throw new FunctionError('yamldecode(): the string contains more than one YAML document');
  const document = documents[0];
  if (document === undefined) return NULL;
  if (document.errors.length > 0) throw new FunctionError(`yamldecode(): invalid YAML: ${document.errors[0]?.message ?? ''}`);
  return fromPlain('yamldecode', document.toJS({ maxAliasCount: 1000 }));
});

const base64encode = strict('base64encode', 1, 1, 'string', (args) => str(Buffer.from(asString('base64encode', args[0]!), 'utf8').toString('base64')));

const base64decode = strict('base64decode', 1, 1, 'string', (args) => {
  const text = asString('base64decode', args[0]!);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) throw new FunctionError('base64decode(): the string is not valid base64');
  const bytes = Buffer.from(text, 'base64');
  try {
    return str(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new FunctionError('base64decode(): the decoded bytes are not valid UTF-8', { cause: error });
  }
});

// Go's url.QueryEscape: unreserved bytes stay, space becomes '+', everything else %XX.
const urlencode = strict('urlencode', 1, 1, 'string', (args) => {
  let out = '';
  for (const byte of Buffer.from(asString('urlencode', args[0]!), 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return str(out);
});

// RFC 4180 as Go's encoding/csv reads it: quoted fields may hold commas, quotes ("") and newlines.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new FunctionError(`csvdecode(): extraneous text after a quoted field at offset ${i}`);
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
    } else if (char === '\n' || char === '\r') {
      if (fieldStarted || field !== '' || row.length > 0) rows.push([...row, field]);
      row = [];
      field = '';
      fieldStarted = false;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      if (char === '"') throw new FunctionError(`csvdecode(): bare " in a non-quoted field at offset ${i}`);
      field += char;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new FunctionError('csvdecode(): unterminated quoted field');
  if (fieldStarted || field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const csvdecode = strict('csvdecode', 1, 1, 'list', (args) => {
  const rows = parseCsv(asString('csvdecode', args[0]!));
  const header = rows[0];
  if (header === undefined) throw new FunctionError('csvdecode(): missing header line');
  return list(
    rows.slice(1).map((row, r) => {
      if (row.length !== header.length) throw new FunctionError(`csvdecode(): line ${r + 2} has ${row.length} fields, the header has ${header.length}`);
      return object(header.map((key, c) => [key, str(row[c] as string)]), 'object');
    }),
    'list',
  );
});

export const ENCODING_FUNCTIONS: FunctionTable = [
  ['base64decode', base64decode],
  ['base64encode', base64encode],
  ['csvdecode', csvdecode],
  ['jsondecode', jsondecode],
  ['jsonencode', jsonencode],
  ['urlencode', urlencode],
  ['yamldecode', yamldecode],
  ['yamlencode', yamlencode],
];
