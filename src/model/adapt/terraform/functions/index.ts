// Terraform's built-in functions for the static evaluator, one family per file.
import { COLLECTION_FUNCTIONS } from './collection.js';
import { DATE_TIME_FUNCTIONS } from './date-time.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { FILESYSTEM_FUNCTIONS } from './filesystem.js';
import { HASH_CRYPTO_FUNCTIONS } from './hash-crypto.js';
import { IP_NETWORK_FUNCTIONS } from './ip-network.js';
import { NUMERIC_FUNCTIONS } from './numeric.js';
import { STRING_FUNCTIONS } from './string.js';
import { TYPE_CONVERSION_FUNCTIONS } from './type-conversion.js';
import type { TfFunction } from './shared.js';

export { FunctionError } from './shared.js';
export type { FunctionContext, TfFunction } from './shared.js';

function buildTable(): ReadonlyMap<string, TfFunction> {
  const table = new Map<string, TfFunction>();
  for (const family of [COLLECTION_FUNCTIONS, DATE_TIME_FUNCTIONS, ENCODING_FUNCTIONS, FILESYSTEM_FUNCTIONS, HASH_CRYPTO_FUNCTIONS, IP_NETWORK_FUNCTIONS, NUMERIC_FUNCTIONS, STRING_FUNCTIONS, TYPE_CONVERSION_FUNCTIONS]) {
    for (const [name, fn] of family) {
      // A name in two families is a programming error, caught by the index test at build time.
      if (table.has(name)) throw new Error(`Terraform function ${name} is defined twice`);
      table.set(name, fn);
    }
  }
  return table;
}

export const FUNCTIONS: ReadonlyMap<string, TfFunction> = buildTable();
