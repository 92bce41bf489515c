import type { SourceFile } from '../../source/source-file.js';
import type { HclParseResult } from './ast.js';
import { parseHcl } from './parse-hcl.js';
import { type ParseTerraformJsonOptions, parseTfvarsJsonSyntax } from './parse-terraform-json.js';

/**
 * Parses a variable definitions file in native syntax (`.tfvars`): an HCL body of attributes
 * only. A block is an error at the block, as in Terraform, and then there is no body.
 */
export function parseTfvars(file: SourceFile): HclParseResult {
  const result = parseHcl(file);
  const block = result.body?.blocks[0];
  if (!block) return result;
  return {
    body: undefined,
    comments: result.comments,
    errors: [{ message: `Unexpected "${block.type}" block: Blocks are not allowed in a variable definitions file.`, offset: block.span.start }],
  };
}

/**
 * Parses a `.tfvars.json` file: each property of the root object is an attribute holding the JSON
 * value as a literal expression tree (strings are literal: no template sequences).
 */
export function parseTfvarsJson(file: SourceFile, options: ParseTerraformJsonOptions = {}): HclParseResult {
  return parseTfvarsJsonSyntax(file, options);
}

/** `.tfvars.json` by name, otherwise native syntax. */
export function parseVariableFile(file: SourceFile): HclParseResult {
  return file.path.endsWith('.json') ? parseTfvarsJson(file) : parseTfvars(file);
}
