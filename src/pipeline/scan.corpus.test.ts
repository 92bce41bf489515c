import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import { RULES } from '../rules/index.js';
import { scanFiles } from './scan.js';

// The whole pipeline over real-world repositories: nothing crashes, and every YAML / JSON file is
// either scanned or skipped / failed with a reason that a user can act on.
const CORPORA = ['../shared/corpus', '../shared/bench'];

for (const corpus of CORPORA) {
  test(`every file of ${corpus} is scanned or skipped with a reason`, { skip: !existsSync(corpus) && `${corpus} is not here` }, async (t) => {
    const discovered = await discoverFiles({ paths: [corpus], cwd: process.cwd() });
    const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-01-01' });

    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'IG-ENGINE-001').map((finding) => finding.message), [], 'no rule crashed');
    const yamlFiles = result.files.filter((file) => /\.(ya?ml|json)$/i.test(file.path) && !/\.tf(vars)?\.json$/.test(file.path));
    for (const file of yamlFiles) {
      if (file.status === 'scanned') assert.ok((file.documents ?? 0) >= 0);
      else assert.ok(file.reason && file.reason.length > 10, `${file.path} is ${file.status} without a reason`);
    }

    const terraformFiles = result.files.filter((file) => file.kind === 'terraform' || file.kind === 'terraform-json' || file.kind === 'tfvars');
    for (const file of terraformFiles) {
      if (file.status !== 'scanned') assert.ok(file.reason && file.reason.length > 10, `${file.path} is ${file.status} without a reason`);
    }

    const count = (items: readonly string[]): string =>
      [...items.reduce((map, item) => map.set(item, (map.get(item) ?? 0) + 1), new Map<string, number>())]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([key, value]) => `${key}=${value}`)
        .join(', ');
    t.diagnostic(`files: ${result.files.length}; YAML/JSON files: ${yamlFiles.length} (${count(yamlFiles.map((file) => file.status))})`);
    t.diagnostic(`YAML/JSON not scanned, by reason: ${count(yamlFiles.filter((file) => file.status !== 'scanned').map((file) => (file.reason ?? '').replace(/\d+ of \d+/, 'N of M')))}`);
    t.diagnostic(`Terraform files: ${terraformFiles.length} (${count(terraformFiles.map((file) => `${file.kind}/${file.status}`))})`);
    for (const finding of result.findings.filter((item) => item.ruleId === 'IG-PARSE-001')) t.diagnostic(`IG-PARSE-001 ${finding.location.file}:${finding.location.startLine} ${finding.message}`);
    const fromTerraform = result.findings.filter((finding) => /\.tf(\.json)?$/.test(finding.location.file));
    t.diagnostic(`findings in Terraform files: ${fromTerraform.length} (${count(fromTerraform.map((finding) => finding.ruleId))})`);
    for (const notice of result.notices) t.diagnostic(notice);
    t.diagnostic(`documents loaded: ${result.files.reduce((sum, file) => sum + (file.documents ?? 0), 0)}`);
    t.diagnostic(`findings by rule: ${count(result.findings.map((finding) => finding.ruleId))}`);
    for (const finding of result.findings.filter((item) => item.ruleId === 'IG-PARSE-002')) t.diagnostic(`IG-PARSE-002 ${finding.location.file}:${finding.location.startLine} ${finding.message}`);
  });
}
