import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkRuleOptions } from '../config/rule-options.js';
import type { ConfiguredOptions } from '../config/rule-options.js';
import { discoverFiles } from '../discover/discover.js';
import { runRules } from '../engine/run-rules.js';
import type { Finding, Severity } from '../findings/finding.js';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { scanFiles } from '../pipeline/scan.js';
import type { Rule } from '../rules/define-rule.js';
import { SourceFile } from '../source/source-file.js';

/** An expected finding: the exact rule id is implied by the tester, the line and file are asserted. */
export interface ExpectedFinding {
  readonly line: number;
  readonly messageId?: string;
  /** Defaults to the case's file. */
  readonly file?: string;
  readonly severity?: Severity;
}

export interface ValidCase {
  readonly name: string;
  /** A fixture file in the rule's fixture folder… */
  readonly file?: string;
  /** …or inline source (named `inline.yaml`). */
  readonly code?: string;
  /** Rule options as `.inferguard.yaml` would set them; checked against the rule's declarations. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export interface RuleTests {
  /** Folder of the rule's fixture files, relative to the project root. */
  readonly fixtures?: string;
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

const CASE_KEYS = new Set(['name', 'file', 'code', 'options', 'errors']);
const ERROR_KEYS = new Set(['line', 'messageId', 'file', 'severity']);

/** Runs a rule over its cases through the real loader and engine; strict about malformed tables. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  const names = new Set<string>();
  const usedFixtures = new Set<string>();
  const checkShape = (testCase: ValidCase | InvalidCase, kind: 'valid' | 'invalid'): void => {
    for (const key of Object.keys(testCase)) assert.ok(CASE_KEYS.has(key), `${rule.meta.id}: unknown key '${key}' in case '${testCase.name}'`);
    assert.ok(!names.has(testCase.name), `${rule.meta.id}: duplicate case name '${testCase.name}'`);
    names.add(testCase.name);
    assert.ok((testCase.file === undefined) !== (testCase.code === undefined), `${rule.meta.id}: case '${testCase.name}' needs exactly one of file / code`);
    if (kind === 'valid') assert.ok(!('errors' in testCase), `${rule.meta.id}: valid case '${testCase.name}' has errors`);
    if (testCase.file !== undefined) usedFixtures.add(testCase.file);
    if (testCase.options !== undefined) optionsOf(rule, testCase.options, `case '${testCase.name}'`);
  };
  for (const testCase of tests.valid) checkShape(testCase, 'valid');
  for (const testCase of tests.invalid) {
    checkShape(testCase, 'invalid');
    assert.ok(testCase.errors.length > 0, `${rule.meta.id}: invalid case '${testCase.name}' expects no finding`);
    for (const error of testCase.errors) for (const key of Object.keys(error)) assert.ok(ERROR_KEYS.has(key), `${rule.meta.id}: unknown key '${key}' in an expected error of '${testCase.name}'`);
  }

  const source = (testCase: ValidCase): SourceFile => {
    if (testCase.code !== undefined) return new SourceFile('inline.yaml', testCase.code);
    assert.ok(tests.fixtures, `${rule.meta.id}: case '${testCase.name}' names a file but the tests give no fixtures folder`);
    const path = join(tests.fixtures, testCase.file as string);
    return new SourceFile(path, readFileSync(path, 'utf8'));
  };

  // Terraform fixtures (a .tf / .tf.json / .tfvars file, or a directory holding a configuration with its
  // modules) go through the real discovery and Terraform pipeline; in a directory case each error names its file.
  const isTerraformCase = (testCase: ValidCase): boolean => {
    if (testCase.file === undefined || !tests.fixtures) return false;
    const path = join(tests.fixtures, testCase.file);
    return TERRAFORM_FIXTURE.test(testCase.file) || statSync(path).isDirectory();
  };
  const run = async (testCase: ValidCase): Promise<{ findings: Finding[]; path: string; directory: boolean }> => {
    if (isTerraformCase(testCase)) {
      const path = join(tests.fixtures as string, testCase.file as string);
      return { findings: await terraformFindingsOf(rule, path, testCase.options), path, directory: statSync(path).isDirectory() };
    }
    const file = source(testCase);
    return { findings: findingsOf(rule, file, testCase.options), path: file.path, directory: false };
  };

  test(`${rule.meta.id} ${rule.meta.name}`, async (t) => {
    for (const testCase of tests.valid) {
      await t.test(`valid: ${testCase.name}`, async () => {
        const { findings } = await run(testCase);
        assert.deepEqual(findings.map(describe), [], 'expected no finding');
      });
    }
    for (const testCase of tests.invalid) {
      await t.test(`invalid: ${testCase.name}`, async () => {
        const { findings, path, directory } = await run(testCase);
        const actual = findings.map(describe).sort();
        const expected = testCase.errors
          .map((error) =>
            describe({
              ruleId: rule.meta.id,
              location: { file: directory ? join(path, expectFile(error.file, testCase.name)) : (error.file ?? path), startLine: error.line },
              messageId: error.messageId ?? findings.find((finding) => finding.location.startLine === error.line)?.messageId,
              severity: error.severity ?? findings.find((finding) => finding.location.startLine === error.line)?.severity ?? rule.meta.severity,
            }),
          )
          .sort();
        assert.deepEqual(actual, expected);
      });
    }
    if (tests.fixtures) {
      await t.test('every fixture file is used by a case', () => {
        const files = readdirSync(tests.fixtures as string).filter((name) => !name.startsWith('.'));
        assert.deepEqual(files.filter((name) => !usedFixtures.has(name)), []);
      });
    }
  });
}

const TERRAFORM_FIXTURE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;

function expectFile(file: string | undefined, caseName: string): string {
  assert.ok(file, `case '${caseName}' is a Terraform directory: each expected error names its file (relative to the directory)`);
  return file;
}

/**
 * Scans a Terraform fixture (a file, or a directory with its modules) through the real discovery and
 * pipeline with one rule; the fixture must parse. Returns that rule's findings.
 */
export async function terraformFindingsOf(rule: Rule, path: string, options?: Readonly<Record<string, unknown>>): Promise<Finding[]> {
  const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
  const ruleOptions = options === undefined ? undefined : new Map([[rule.meta.id, optionsOf(rule, options, path)]]);
  const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: [rule], failOn: 'none', today: '2026-01-01', ...(ruleOptions ? { ruleOptions } : {}) });
  const broken = result.findings.filter((finding) => finding.ruleId === 'IG-PARSE-001' || finding.ruleId === 'IG-ENGINE-001');
  assert.deepEqual(broken.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine} ${finding.message}`), [], `fixture ${path} does not scan cleanly`);
  return result.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

/** Loads one file through the real pipeline and runs one rule over it, with `options` as a config would set them. */
export function findingsOf(rule: Rule, file: SourceFile, options?: Readonly<Record<string, unknown>>): Finding[] {
  const documents = loadYamlStream(file);
  const broken = documents.find((document) => document.error);
  assert.equal(broken?.error, undefined, `fixture ${file.path} does not load`);
  const { model } = adaptKubernetes(documents);
  const ruleOptions = options === undefined ? undefined : new Map([[rule.meta.id, optionsOf(rule, options, file.path)]]);
  const { findings, crashed } = runRules(model, [rule], ruleOptions ? { ruleOptions } : {});
  assert.equal(crashed, false, `rule crashed: ${findings.map((finding) => finding.message).join('; ')}`);
  return findings;
}

/** Options checked as the config checks them: an unknown option or a wrong type fails the test. */
function optionsOf(rule: Rule, options: Readonly<Record<string, unknown>>, where: string): ConfiguredOptions {
  const problem = checkRuleOptions(rule.meta, new Map(Object.entries(options)));
  assert.equal(problem, undefined, `${rule.meta.id}: ${where}: options/${problem?.path.join('/')}: ${problem?.detail}`);
  return options as ConfiguredOptions;
}

interface Described {
  ruleId: string;
  location: { file: string; startLine: number };
  messageId?: string | undefined;
  severity?: Severity | undefined;
}

function describe(finding: Described): string {
  return `${finding.ruleId} ${finding.location.file}:${finding.location.startLine} ${finding.messageId ?? ''} ${finding.severity ?? ''}`;
}
