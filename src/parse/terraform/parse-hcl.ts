import type { SourceFile } from '../../source/source-file.js';
import type { HclParseResult } from './ast.js';
import { ParseFailure } from './failure.js';
import { scanTokens } from './lexer.js';
import { Parser } from './parser.js';

export type * from './ast.js';
export { isUnwrappedTemplate } from './ast.js';

export interface ParseHclOptions {
  /** Deepest nesting of blocks and expressions accepted; default 500. */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 500;

/**
 * Parses a Terraform / HCL native-syntax file into a syntax tree in which every node carries its
 * offsets, with all comments. Accepts and rejects what hashicorp/hcl's hclsyntax.ParseConfig does;
 * stops at the first syntax error, reported with its offset (no body then). Never throws.
 */
export function parseHcl(file: SourceFile, options: ParseHclOptions = {}): HclParseResult {
  const tokens = scanTokens(file.text);
  if (tokens.error) return { body: undefined, comments: tokens.comments, errors: [tokens.error] };
  const where = (offset: number): string => {
    const { line, column } = file.positionAt(offset);
    return `${line}:${column}`;
  };
  const parser = new Parser({ text: file.text, tokens, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, where });
  try {
    return { body: parser.parseFile(), comments: tokens.comments, errors: [] };
  } catch (error) {
    if (error instanceof ParseFailure) return { body: undefined, comments: tokens.comments, errors: [{ message: error.message, offset: error.offset }] };
    // The depth cap keeps recursion far below the stack limit; this is the net under it.
    const message = error instanceof RangeError ? 'Nesting too deep: the file could not be parsed.' : `Internal parser error: ${String(error)}`;
    return { body: undefined, comments: tokens.comments, errors: [{ message, offset: 0 }] };
  }
}
