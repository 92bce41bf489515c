// Builds evaluator inputs from inline sources (test-only).
import { parseHcl } from '../../../parse/terraform/parse-hcl.js';
import { SourceFile } from '../../../source/source-file.js';
import { createMemoryReader, evaluateTerraform } from './index.js';
import type { TerraformAdaptResult, TerraformInput } from './index.js';

export function sourceFiles(sources: Record<string, string>): TerraformInput['files'] {
  return Object.entries(sources).map(([path, text]) => {
    const file = new SourceFile(path, text);
    const parsed = parseHcl(file);
    if (!parsed.body) throw new Error(`${path}: ${parsed.errors[0]?.message ?? 'parse error'}`);
    return { file, body: parsed.body };
  });
}

/** Evaluates sources given as path → text; `extra` files are only reachable through the reader. */
export function evaluateSources(sources: Record<string, string>, options: Partial<TerraformInput> & { extra?: Record<string, string> } = {}): TerraformAdaptResult {
  const reader = createMemoryReader(new Map(Object.entries({ ...sources, ...(options.extra ?? {}) })));
  return evaluateTerraform({ reader, ...options, files: sourceFiles(sources) });
}

export function lineOf(file: SourceFile, offset: number | undefined): number {
  return file.positionAt(offset ?? -1).line;
}
