import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SourceFile } from '../source/source-file.js';
import { findingsOf, terraformFindingsOf } from '../testing/rule-tester.js';
import { DIAGNOSTICS } from './diagnostics.js';
import { RULES } from './index.js';
import { expectedRuleDocs } from './rule-docs-files.js';

const RULE_FOLDERS = ['k8s', 'ml', 'aws', 'gcp', 'azure', 'graph'];
const PREFIX_OF: Record<string, string> = { k8s: 'IG-K8S-', ml: 'IG-ML-', aws: 'IG-AWS-', gcp: 'IG-GCP-', azure: 'IG-AZ-', graph: 'IG-GRAPH-' };

test('rule ids and names are unique, well formed and sorted', () => {
  const all = [...RULES.map((rule) => rule.meta), ...DIAGNOSTICS];
  assert.equal(new Set(all.map((meta) => meta.id)).size, all.length);
  assert.equal(new Set(all.map((meta) => meta.name)).size, all.length);
  for (const meta of all) {
    assert.match(meta.id, /^IG-(K8S|ML|AWS|GCP|AZ|GRAPH|PARSE|ENGINE)-\d{3}$/);
    assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!/^(no|ensure)-/.test(meta.name), `${meta.id}: names the problem, not the fix`);
  }
  const ids = RULES.map((rule) => rule.meta.id);
  assert.deepEqual(ids, [...ids].sort(), 'RULES is sorted by id');
});

test('every rule file is registered, lives in its prefix folder, is named after the rule and has a sibling test', () => {
  const byName = new Map(RULES.map((rule) => [rule.meta.name, rule]));
  let files = 0;
  for (const folder of RULE_FOLDERS) {
    const dir = join('src/rules', folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
      files++;
      const name = entry.slice(0, -3);
      const rule = byName.get(name);
      assert.ok(rule, `${dir}/${entry} is not registered in src/rules/index.ts (or its file name is not its rule name)`);
      assert.ok(rule.meta.id.startsWith(PREFIX_OF[folder] as string), `${entry}: id ${rule.meta.id} does not belong in ${folder}/`);
      assert.ok(existsSync(join(dir, `${name}.test.ts`)), `${entry} has no sibling test`);
      assert.ok(existsSync(join(dir, '__fixtures__', name)), `${entry} has no fixture folder`);
      const testSource = readFileSync(join(dir, `${name}.test.ts`), 'utf8');
      for (const messageId of Object.keys(rule.meta.messages)) {
        assert.match(testSource, new RegExp(`messageId: '${messageId}'`), `${rule.meta.id}: message '${messageId}' is not exercised by its test`);
      }
    }
  }
  assert.equal(files, RULES.length, 'every registered rule has a file');
});

test('every bad example fires and every good example stays silent', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'inferguard-examples-'));
  try {
    for (const rule of RULES) {
      const { bad: badText, good: goodText, options, language } = rule.meta.examples;
      const findingsFor = async (name: string, text: string) => {
        if (language !== 'hcl') return findingsOf(rule, new SourceFile(`${name}.yaml`, text), options);
        // A Terraform example is one configuration: its own directory, one main.tf.
        const dir = join(workspace, rule.meta.id, name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'main.tf'), text);
        return terraformFindingsOf(rule, dir, options);
      };
      const bad = await findingsFor('bad', badText);
      assert.ok(bad.some((finding) => finding.ruleId === rule.meta.id), `${rule.meta.id}: bad example does not fire`);
      const good = await findingsFor('good', goodText);
      assert.deepEqual(good.map((finding) => finding.message), [], `${rule.meta.id}: good example fires`);
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('docs/rules is up to date with rule metadata (run `npm run docs`)', () => {
  const expected = expectedRuleDocs();
  const actual = existsSync('docs/rules') ? readdirSync('docs/rules').sort() : [];
  assert.deepEqual(actual, [...expected.keys()].sort());
  for (const [name, text] of expected) assert.equal(readFileSync(join('docs/rules', name), 'utf8'), text, `docs/rules/${name} is stale`);
});
