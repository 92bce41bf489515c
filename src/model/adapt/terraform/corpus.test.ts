// Every Terraform tree of the shared corpus and bench evaluates without crashing, quickly.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseHcl } from '../../../parse/terraform/parse-hcl.js';
import { SourceFile } from '../../../source/source-file.js';
import { createFileSystemReader, evaluateTerraform } from './index.js';
import type { TerraformSourceFile } from './index.js';

const SKIP = new Set(['.git', '.terraform', 'node_modules']);

function walk(root: string, relative: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(path.join(root, relative)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIP.has(name)) continue;
    const child = relative ? `${relative}/${name}` : name;
    const stat = lstatSync(path.join(root, child));
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) walk(root, child, out);
    else if (name.endsWith('.tf') || name.endsWith('.tfvars')) out.push(child);
  }
}

function load(root: string): TerraformSourceFile[] {
  const paths: string[] = [];
  walk(root, '', paths);
  return paths.map((relative) => {
    const file = new SourceFile(relative, readFileSync(path.join(root, relative), 'utf8'));
    return { file, body: parseHcl(file).body };
  });
}

function trees(): string[] {
  const out: string[] = [];
  for (const base of ['../shared/corpus', '../shared/bench']) {
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = path.join(base, name);
      if (lstatSync(dir).isDirectory()) out.push(dir);
    }
  }
  return out;
}

function unknownRatio(pointers: number, unknowns: number): string {
  return pointers === 0 ? '0' : (unknowns / pointers).toFixed(3);
}

test('corpus: every Terraform tree evaluates without crashing', (t) => {
  const all = trees();
  if (all.length === 0) {
    t.skip('no ../shared/corpus or ../shared/bench');
    return;
  }
  let totalResources = 0;
  for (const tree of all) {
    const files = load(tree);
    if (!files.some(({ file }) => file.path.endsWith('.tf'))) continue;
    const started = performance.now();
    const result = evaluateTerraform({ files, reader: createFileSystemReader(tree) });
    const elapsed = performance.now() - started;
    const byCode = new Map<string, number>();
    for (const notice of result.model.notices) byCode.set(notice.code, (byCode.get(notice.code) ?? 0) + 1);
    let pointers = 0;
    let unknowns = 0;
    for (const resource of result.model.resources) {
      pointers += resource.doc.spans.size;
      unknowns += resource.doc.terraform?.unknown.size ?? 0;
      assert.ok(resource.doc.spans.has(''), `${resource.address} has a root span`);
    }
    // An internal failure is reported as eval-error: the corpus must have none.
    assert.equal(byCode.get('eval-error') ?? 0, 0, `${tree}: ${JSON.stringify(result.model.notices.filter((notice) => notice.code === 'eval-error').map((notice) => notice.message))}`);
    const configAddresses = new Set(result.model.resources.map((resource) => resource.configAddress));
    totalResources += result.model.resources.length;
    t.diagnostic(
      `${path.basename(tree)}: files=${files.length} roots=${result.roots.length} modules=${result.moduleInstances} resources=${configAddresses.size} instances=${result.model.resources.length} ` +
        `notices=${JSON.stringify(Object.fromEntries(byCode))} unknown=${unknownRatio(pointers, unknowns)} eval=${elapsed.toFixed(0)}ms`,
    );
  }
  assert.ok(totalResources > 0);
});

// Speed is measured by `npm run bench`; this only proves the whole tree evaluates.
test('cloudposse components (the bench tree) parse and evaluate', (t) => {
  const tree = '../shared/bench/cloudposse__terraform-aws-components@0.182.0';
  if (!existsSync(tree)) {
    t.skip('bench tree missing');
    return;
  }
  const started = performance.now();
  const files = load(tree);
  const result = evaluateTerraform({ files, reader: createFileSystemReader(tree) });
  const elapsed = performance.now() - started;
  t.diagnostic(`cloudposse: ${files.length} files, ${result.model.resources.length} instances in ${elapsed.toFixed(0)} ms`);
  assert.ok(result.model.resources.length > 100);
});
