import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import type { ScanResult } from '../findings/scan-result.js';
import { RULES } from '../rules/index.js';
import { scanFiles } from './scan.js';
import type { TerraformOptions } from './terraform.js';

const FIXTURES = 'src/pipeline/__fixtures__/terraform';
const MAIN = `${FIXTURES}/serving/main.tf`;
const PROD_VARS = `${FIXTURES}/serving/prod.tfvars`;

async function scan(terraform: TerraformOptions = {}): Promise<ScanResult> {
  const discovered = await discoverFiles({ paths: [FIXTURES], cwd: process.cwd() });
  return (await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-11-28', terraform })).result;
}

function hits(result: ScanResult, ruleIds: readonly string[]): string[] {
  return result.findings.filter((finding) => ruleIds.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`);
}

const cases: ReadonlyArray<{ name: string; terraform: TerraformOptions; expected: string[] }> = [
  {
    name: 'terraform.tfvars sets privileged; the tag variable has no value, so the tag rule stays silent',
    terraform: {},
    expected: [`IG-K8S-101 ${MAIN}:23`],
  },
  {
    name: '--var-file overrides terraform.tfvars and gives the rolling tag',
    terraform: { varFiles: [{ path: PROD_VARS, text: readFileSync(PROD_VARS, 'utf8') }] },
    expected: [`IG-K8S-113 ${MAIN}:28`],
  },
  {
    name: '--var wins over every file',
    terraform: { varFiles: [{ path: PROD_VARS, text: readFileSync(PROD_VARS, 'utf8') }], vars: [{ name: 'privileged', value: 'true' }, { name: 'exporter_tag', value: `v0.26.0@sha256:${'a'.repeat(64)}` }] },
    expected: [`IG-K8S-101 ${MAIN}:23`],
  },
];

for (const { name, terraform, expected } of cases) {
  test(`Terraform in the scan: ${name}`, async () => {
    assert.deepEqual(hits(await scan(terraform), ['IG-K8S-101', 'IG-K8S-113']), expected);
  });
}

test('a finding on a value set by a variable names the line that set it and links it', async () => {
  const privileged = (await scan()).findings.find((finding) => finding.ruleId === 'IG-K8S-101');
  assert.ok(privileged);
  assert.match(privileged.message, /The value comes from src\/pipeline\/__fixtures__\/terraform\/serving\/terraform\.tfvars:1\.$/);
  assert.deepEqual(
    privileged.related.map((hop) => [hop.file, hop.startLine, hop.message]),
    [[`${FIXTURES}/serving/terraform.tfvars`, 1, `value set here: ${FIXTURES}/serving/terraform.tfvars:1`]],
  );
  assert.deepEqual(privileged.resource, { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'serving', name: 'vllm' });
});

test('a syntax error is IG-PARSE-001 at its line and column, the other files are scanned, and the scan is incomplete', async () => {
  const result = await scan();
  const syntax = result.findings.filter((finding) => finding.ruleId === 'IG-PARSE-001');
  assert.deepEqual(
    syntax.map((finding) => [finding.location.file, finding.location.startLine, finding.location.startColumn]),
    [[`${FIXTURES}/broken/main.tf`, 3, 12]],
  );
  assert.equal(result.incomplete, true);
  assert.deepEqual(
    result.files.map((file) => [file.path.slice(FIXTURES.length + 1), file.status]),
    [
      ['broken/main.tf', 'error'],
      ['serving/main.tf', 'scanned'],
      ['serving/prod.tfvars', 'skipped'],
      ['serving/terraform.tfvars', 'scanned'],
      ['serving/variables.tf', 'scanned'],
    ],
  );
  assert.match(result.files.find((file) => file.path.endsWith('prod.tfvars'))?.reason ?? '', /--var-file/);
});

test('suppression comments work in Terraform files: `#` above the resource, `//` on the line', async () => {
  const discovered = await discoverFiles({ paths: ['src/pipeline/__fixtures__/terraform-suppressed'], cwd: process.cwd() });
  const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-11-28' });
  const suppressed = result.findings.filter((finding) => finding.suppression).map((finding) => [finding.ruleId, finding.location.startLine, finding.suppression?.reason]);
  assert.deepEqual(suppressed, [
    ['IG-K8S-125', 5, 'namespace policies live in the platform repository'],
    // The privileged flag of a GPU container is IG-K8S-001, which folds IG-K8S-101: `ignore IG-K8S-101` still holds.
    ['IG-K8S-001', 12, 'needs the device plugin socket'],
  ]);
});
