// Paths are resolved by the evaluator's context, which confines reads to the scan root. Anything that
// depends on the machine running Terraform (home directory, absolute paths, directory listings) is
// unknown to a static scan.
import { bool, str, unknown } from '../eval-value.js';
import type { EvalValue } from '../eval-value.js';
import { FunctionError, arity, asObject, asString, derived, referencesOf, strict, unknownOf } from './shared.js';
import type { FunctionContext, FunctionTable, TfFunction } from './shared.js';

/** The file's text, or undefined when the context cannot read it (outside the scan root or missing). */
export function readText(name: string, args: readonly EvalValue[], context: FunctionContext): string | EvalValue {
  const path = asString(name, args[0]!, 'path');
  const text = context.readFile(path);
  if (text === undefined) return unknownOf(name, args, 'string', `${JSON.stringify(path)}, which is outside the scan root or missing`);
  return text;
}

/**
 * Functions over file bytes only see the decoded text; a U+FFFD in it means the file was not
 * valid UTF-8 and the bytes are lost, so the result would be wrong.
 */
export function readBytes(name: string, args: readonly EvalValue[], context: FunctionContext): Buffer | EvalValue {
  const text = readText(name, args, context);
  if (typeof text !== 'string') return text;
  if (text.includes('\ufffd')) return unknownOf(name, args, 'string', `${JSON.stringify(asString(name, args[0]!))}, which is not UTF-8 text`);
  return Buffer.from(text, 'utf8');
}

function fileFunction(name: string, impl: (text: string, args: readonly EvalValue[], context: FunctionContext) => EvalValue): TfFunction {
  return (args, context) => {
    arity(name, args, name === 'templatefile' ? 2 : 1);
    if (args[0]!.kind === 'unknown') return unknownOf(name, args, 'string');
    const text = readText(name, args, context);
    if (typeof text !== 'string') return text;
    return impl(text, args, context);
  };
}

const file = fileFunction('file', (text, args) => derived(str(text), args));

const filebase64: TfFunction = (args, context) => {
  arity('filebase64', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('filebase64', args, 'string');
  const bytes = readBytes('filebase64', args, context);
  return Buffer.isBuffer(bytes) ? derived(str(bytes.toString('base64')), args) : bytes;
};

// A readable file exists; an unreadable one may be missing or merely outside the scan root.
const fileexists: TfFunction = (args, context) => {
  arity('fileexists', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('fileexists', args, 'bool');
  const path = asString('fileexists', args[0]!, 'path');
  if (context.readFile(path) !== undefined) return derived(bool(true), args);
  return unknownOf('fileexists', args, 'bool', `${JSON.stringify(path)}, which is outside the scan root or missing`);
};

const templatefile = fileFunction('templatefile', (text, args, context) => {
  const vars = args[1]!;
  if (vars.kind === 'unknown') return unknownOf('templatefile', args, 'string');
  return context.renderTemplate(text, asObject('templatefile', vars, 'vars'));
});

// Go's path.Clean, which filepath.Dir applies (Unix separators; Terraform scans are POSIX-pathed).
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

function baseName(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  return cleanPath(path.slice(0, path.lastIndexOf('/') + 1));
}

const pathexpand: TfFunction = (args) => {
  arity('pathexpand', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('pathexpand', args, 'string');
  const path = asString('pathexpand', args[0]!, 'path');
  if (path === '~' || path.startsWith('~/')) return unknownOf('pathexpand', args, 'string', 'a path under the home directory of the machine running Terraform');
  return derived(str(path), args);
};

// abspath depends on where Terraform runs; fileset would need a directory listing the context does not offer.
function machineDependent(name: string, count: number, type: 'string' | 'list', why: string): TfFunction {
  return (args) => {
    arity(name, args, count);
    if (args.some((arg) => arg.kind === 'null')) throw new FunctionError(`${name}(): arguments must not be null`);
    const references = referencesOf(args);
    return unknown(`${name}() ${why}`, references.length > 0 ? { type, references } : { type });
  };
}

export const FILESYSTEM_FUNCTIONS: FunctionTable = [
  ['abspath', machineDependent('abspath', 1, 'string', 'depends on the machine running Terraform')],
  ['basename', strict('basename', 1, 1, 'string', (args) => str(baseName(asString('basename', args[0]!, 'path'))))],
  ['dirname', strict('dirname', 1, 1, 'string', (args) => str(dirName(asString('dirname', args[0]!, 'path'))))],
  ['file', file],
  ['filebase64', filebase64],
  ['fileexists', fileexists],
  ['fileset', machineDependent('fileset', 2, 'list', 'needs a directory listing, which a static scan does not have')],
  ['pathexpand', pathexpand],
  ['templatefile', templatefile],
];
