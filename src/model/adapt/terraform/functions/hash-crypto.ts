import { createHash } from 'node:crypto';
import { unknown, str } from '../eval-value.js';
import { readBytes } from './filesystem.js';
import { FunctionError, arity, asString, derived, referencesOf, strict, unknownOf } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

type Algorithm = 'md5' | 'sha1' | 'sha256' | 'sha512';

function digest(name: string, algorithm: Algorithm, encoding: 'hex' | 'base64'): TfFunction {
  return strict(name, 1, 1, 'string', (args) => str(createHash(algorithm).update(asString(name, args[0]!), 'utf8').digest(encoding)));
}

function fileDigest(name: string, algorithm: Algorithm, encoding: 'hex' | 'base64'): TfFunction {
  return (args, context) => {
    arity(name, args, 1);
    if (args[0]!.kind === 'unknown') return unknownOf(name, args, 'string');
    const bytes = readBytes(name, args, context);
    return Buffer.isBuffer(bytes) ? derived(str(createHash(algorithm).update(bytes).digest(encoding)), args) : bytes;
  };
}

// uuid(), bcrypt() (random salt) and rsadecrypt() (needs a private key) cannot be known statically.
function nonDeterministic(name: string, min: number, max: number, why: string): TfFunction {
  return (args) => {
    arity(name, args, min, max);
    const references = referencesOf(args);
    return unknown(`${name}() ${why}`, references.length > 0 ? { type: 'string', references } : { type: 'string' });
  };
}

// RFC 4122 name-based UUID, version 5 (SHA-1); namespaces by name as Terraform accepts them.
const NAMESPACES: Readonly<Record<string, string>> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

const uuidv5 = strict('uuidv5', 2, 2, 'string', (args) => {
  const namespaceText = asString('uuidv5', args[0]!, 'namespace');
  const namespace = NAMESPACES[namespaceText] ?? namespaceText;
  const hex = namespace.replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1').replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new FunctionError(`uuidv5(): unsupported namespace ${JSON.stringify(namespaceText)}; use dns, url, oid, x500 or a UUID`);
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(asString('uuidv5', args[1]!, 'name'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const out = hash.subarray(0, 16).toString('hex');
  return str(`${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`);
});

export const HASH_CRYPTO_FUNCTIONS: FunctionTable = [
  ['base64sha256', digest('base64sha256', 'sha256', 'base64')],
  ['base64sha512', digest('base64sha512', 'sha512', 'base64')],
  ['bcrypt', nonDeterministic('bcrypt', 1, 2, 'uses a random salt')],
  ['filebase64sha256', fileDigest('filebase64sha256', 'sha256', 'base64')],
  ['filebase64sha512', fileDigest('filebase64sha512', 'sha512', 'base64')],
  ['filemd5', fileDigest('filemd5', 'md5', 'hex')],
  ['filesha1', fileDigest('filesha1', 'sha1', 'hex')],
  ['filesha256', fileDigest('filesha256', 'sha256', 'hex')],
  ['filesha512', fileDigest('filesha512', 'sha512', 'hex')],
  ['md5', digest('md5', 'md5', 'hex')],
  ['rsadecrypt', nonDeterministic('rsadecrypt', 2, 2, 'needs a private key, which a static scan does not evaluate')],
  ['sha1', digest('sha1', 'sha1', 'hex')],
  ['sha256', digest('sha256', 'sha256', 'hex')],
  ['sha512', digest('sha512', 'sha512', 'hex')],
  ['uuid', nonDeterministic('uuid', 0, 0, 'is random')],
  ['uuidv5', uuidv5],
];
