import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { ScanResult } from '../findings/scan-result.js';
import { DIAGNOSTICS } from '../rules/diagnostics.js';
import { RULES } from '../rules/index.js';
import { validateJson } from '../testing/json-schema-subset.js';
import { SAMPLE_RULES, sampleResult } from '../testing/sample-scan.js';
import { SARIF_FINGERPRINT_KEY, SARIF_SCHEMA_URI, SARIF_SRCROOT, renderSarif } from './sarif.js';

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> };
  message?: { text: string };
  id?: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: SarifLocation[];
  codeFlows?: { threadFlows: { locations: { location: SarifLocation }[] }[] }[];
  suppressions?: { kind: string; status: string; justification: string; location?: SarifLocation }[];
  properties: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string; enabled?: boolean };
  properties: { 'security-severity': string; tags: string[]; precision: string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds?: Record<string, { uri?: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: SarifLocation[] }[]; toolConfigurationNotifications?: unknown[] }[];
    results: SarifResult[];
  }[];
}

const render = (result: ScanResult, rules = SAMPLE_RULES): string => renderSarif(result, { toolVersion: '1.2.3', rules });
const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const runOf = (log: SarifLog): SarifLog['runs'][number] => log.runs[0] as SarifLog['runs'][number];

// ---- Microsoft's SARIF multitool -------------------------------------------------------------------

const require = createRequire(import.meta.url);
const multitool = locateMultitool();

/** A developer without the validator is told; CI, which installs it with `npm ci`, fails instead. */
function skipOutsideCi(t: { skip(message: string): void }, reason: string): void {
  if (process.env.CI) assert.fail(`SARIF validator unavailable in CI: ${reason}`);
  t.skip(reason);
}

/** The validator binary, or why it cannot be used here (the tests then skip and say so). */
function locateMultitool(): { path: string } | { skip: string } {
  let path: unknown;
  try {
    // The package exports the absolute path of the platform's self-contained .NET binary.
    path = require('@microsoft/sarif-multitool');
  } catch (error) {
    return { skip: `@microsoft/sarif-multitool is not installed for ${process.platform} (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { skip: `SARIF multitool binary not found at ${String(path)}` };
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', env: multitoolEnv(), timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    return { skip: `the SARIF multitool cannot run on this machine: ${probe.error?.message ?? `exit ${probe.status}: ${probe.stderr.trim()}`}` };
  }
  return { path };
}

function multitoolEnv(): NodeJS.ProcessEnv {
  // .NET self-contained apps abort without ICU unless told to use invariant globalization.
  return { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
}

// SARIF2006 fetches every URI in the log over HTTP: slow, flaky and not a property of our output.
const VALIDATOR_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`;

interface Verdict {
  readonly errors: string[];
  readonly warnings: string[];
  readonly notes: number;
  readonly total: number;
}

/** `Sarif.Multitool validate` with the SARIF and the GitHub ("Gh") rule sets, all levels. */
function validate(path: string, sarif: string): Verdict {
  const dir = mkdtempSync(join(tmpdir(), 'inferguard-sarif-'));
  try {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    const config = join(dir, 'validation.xml');
    writeFileSync(input, sarif);
    writeFileSync(config, VALIDATOR_CONFIG);
    const run = spawnSync(
      path,
      ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--config', config],
      { encoding: 'utf8', env: multitoolEnv(), timeout: 120_000 },
    );
    assert.ok(!run.error && run.status === 0 && existsSync(output), `validator failed to run: ${run.error?.message ?? ''}\n${run.stdout}\n${run.stderr}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; level?: string }[] }[] };
    const results = log.runs.flatMap((run) => run.results ?? []);
    // The console lines carry the readable message; the output log only has message ids.
    const lines = run.stdout.split('\n').map((line) => line.trim());
    return {
      errors: lines.filter((line) => / error [A-Z]+\d+: /.test(line)),
      // SARIF2005 asks for driver.informationUri: the project has no public home page to name yet.
      warnings: lines.filter((line) => / warning [A-Z]+\d+: /.test(line) && !/warning SARIF2005: .*'informationUri'/.test(line)),
      notes: results.filter((result) => result.level === 'note').length,
      total: results.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const incomplete of [false, true]) {
  test(`SARIF passes Microsoft's SARIF validator with 0 errors (incomplete: ${incomplete})`, (t) => {
    if ('skip' in multitool) return skipOutsideCi(t, multitool.skip);
    const verdict = validate(multitool.path, render(sampleResult({ incomplete })));
    t.diagnostic(`validator: ${verdict.errors.length} errors, ${verdict.warnings.length} warnings, ${verdict.notes} notes`);
    for (const warning of verdict.warnings) t.diagnostic(warning);
    assert.deepEqual(verdict.errors, []);
    assert.deepEqual(verdict.warnings, []);
    // The validator reports nothing at all for a log it fails to deserialize (an unknown enum value, for
    // one): a clean log still gets notes (SARIF2002 on every message.text), so zero results means it never looked.
    assert.ok(verdict.total > 0, 'the validator produced no result at all: it did not read the log');
  });
}

test('SARIF with the real rule registry passes the validator', (t) => {
  if ('skip' in multitool) return skipOutsideCi(t, multitool.skip);
  const verdict = validate(multitool.path, render(sampleResult({ incomplete: false }), [...RULES.map((rule) => rule.meta), ...DIAGNOSTICS]));
  t.diagnostic(`validator: ${verdict.errors.length} errors, ${verdict.warnings.length} warnings, ${verdict.notes} notes`);
  assert.deepEqual(verdict.errors, []);
  assert.deepEqual(verdict.warnings, []);
  assert.ok(verdict.total > 0);
});

test('the validator catches a broken log (the check above is not vacuous)', (t) => {
  if ('skip' in multitool) return skipOutsideCi(t, multitool.skip);
  const log = parse(render(sampleResult({ incomplete: false })));
  const result = runOf(log).results[0] as SarifResult;
  (result.locations[0] as SarifLocation).physicalLocation.artifactLocation.uri = '/home/ci/work/broken.yaml';
  delete (runOf(log).tool.driver.rules[0] as Partial<SarifRule>).shortDescription;
  const verdict = validate(multitool.path, JSON.stringify(log));
  assert.ok(verdict.errors.some((line) => line.includes('SARIF1004')), verdict.errors.join('\n'));
  assert.ok(verdict.errors.some((line) => line.includes('GH2012')), verdict.errors.join('\n'));
});

test('SARIF validates against the SARIF 2.1.0 JSON schema shipped with the validator', (t) => {
  // Catches what the multitool silently ignores (see above), e.g. `level: "critical"`.
  if ('skip' in multitool) return skipOutsideCi(t, multitool.skip);
  const schemaPath = join(dirname(multitool.path), 'sarif-2.1.0.json');
  if (!existsSync(schemaPath)) return t.skip(`no schema at ${schemaPath}`);
  const schema: unknown = JSON.parse(readFileSync(schemaPath, 'utf8'));
  for (const incomplete of [false, true]) assert.deepEqual(validateJson(JSON.parse(render(sampleResult({ incomplete }))), schema), []);
  const broken = parse(render(sampleResult({ incomplete: false })));
  (runOf(broken).results[0] as SarifResult).level = 'critical';
  assert.equal(validateJson(broken, schema).length, 1);
});

// ---- GitHub code scanning's documented constraints ---------------------------------------------------

test('SARIF meets GitHub code scanning constraints', () => {
  for (const incomplete of [false, true]) {
    const log = parse(render(sampleResult({ incomplete })));
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = runOf(log);
    const { rules } = run.tool.driver;
    assert.equal(run.tool.driver.name, 'inferguard');
    assert.equal(run.tool.driver.semanticVersion, '1.2.3');

    assert.ok(rules.length <= 25_000 && run.results.length <= 25_000);
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'rule ids are unique');
    for (const rule of rules) {
      const score = rule.properties['security-severity'];
      assert.equal(typeof score, 'string', `${rule.id}: security-severity must be a string`);
      assert.match(score, /^\d+(\.\d+)?$/);
      assert.ok(Number(score) >= 0 && Number(score) <= 10, `${rule.id}: security-severity ${score}`);
      assert.ok(rule.properties.tags.includes('security'), `${rule.id}: GitHub applies security-severity only to rules tagged 'security'`);
      assert.ok(rule.properties.tags.length <= 20);
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown, `${rule.id}: GitHub needs short/full description and help`);
      assert.ok(rule.shortDescription.text.length <= 1024);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }

    for (const result of run.results) {
      const index = rules.findIndex((rule) => rule.id === result.ruleId);
      assert.notEqual(index, -1, `${result.ruleId} is not in tool.driver.rules`);
      assert.equal(result.ruleIndex, index, `${result.ruleId}: ruleIndex`);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      assert.equal(typeof result.partialFingerprints[SARIF_FINGERPRINT_KEY], 'string');
      const locations = [...result.locations, ...(result.relatedLocations ?? []), ...(result.suppressions ?? []).flatMap((suppression) => (suppression.location ? [suppression.location] : []))];
      assert.ok(result.locations.length >= 1 && locations.length <= 1000);
      for (const { physicalLocation } of locations) assertRelativeUri(physicalLocation.artifactLocation);
    }
    for (const notification of run.invocations.flatMap((invocation) => invocation.toolExecutionNotifications ?? [])) {
      for (const { physicalLocation } of notification.locations) assertRelativeUri(physicalLocation.artifactLocation);
    }
    // originalUriBaseIds must not carry the scanning machine's absolute path.
    for (const base of Object.values(run.originalUriBaseIds ?? {})) assert.equal(base.uri, undefined);
  }
});

function assertRelativeUri(location: { uri: string; uriBaseId?: string }): void {
  assert.equal(location.uriBaseId, SARIF_SRCROOT);
  assert.doesNotMatch(location.uri, /^[A-Za-z][A-Za-z0-9+.-]*:/, `${location.uri} has a scheme`);
  assert.ok(!location.uri.startsWith('/'), `${location.uri} is absolute`);
  assert.doesNotMatch(location.uri, /[\s\\]/, `${location.uri} is not percent-encoded`);
}

// ---- content --------------------------------------------------------------------------------------

test('rule descriptors: every given rule, sorted by id, with help, tags and severities', () => {
  const run = runOf(parse(render(sampleResult({ incomplete: false }))));
  const ids = run.tool.driver.rules.map((rule) => rule.id);
  assert.deepEqual(ids, [...new Set([...SAMPLE_RULES.map((rule) => rule.id), 'IG-ML-999'])].sort());
  const privileged = run.tool.driver.rules.find((rule) => rule.id === 'IG-K8S-101') as SarifRule;
  assert.equal(privileged.name, 'PrivilegedContainer');
  assert.equal(privileged.shortDescription.text, 'Container runs privileged');
  assert.equal(privileged.helpUri, 'https://example.com/privileged-container');
  assert.deepEqual(privileged.defaultConfiguration, { level: 'error' });
  assert.deepEqual(privileged.properties, {
    'security-severity': '8.0',
    tags: ['security', 'STRIDE-E', 'CIS-5.2.2', 'NIST-AC-6', 'NIST-SC-39', 'ATLAS-AML.T0049', 'OWASP-ML06'],
    precision: 'high',
  });
  assert.match(privileged.help.markdown, /Why privileged-container matters/);
  assert.match(privileged.help.markdown, /\| CIS Kubernetes v1\.10 \| 5\.2\.2 \|/);
  assert.match(privileged.help.markdown, /https:\/\/example\.com\/privileged-container/);
  assert.match(privileged.help.text, /How to fix: Fix privileged-container/);

  const offByDefault = run.tool.driver.rules.find((rule) => rule.id === 'IG-K8S-118') as SarifRule;
  assert.deepEqual(offByDefault.defaultConfiguration, { level: 'warning', enabled: false });
  const withoutReferences = run.tool.driver.rules.find((rule) => rule.id === 'IG-K8S-111') as SarifRule;
  assert.equal(withoutReferences.helpUri, undefined);
  const info = run.tool.driver.rules.find((rule) => rule.id === 'IG-PARSE-003') as SarifRule;
  assert.equal(info.properties['security-severity'], '0.0');
  assert.equal(info.defaultConfiguration.level, 'note');
});

test('results: level by severity, region, fingerprint, related locations and the attack path as a code flow', () => {
  const run = runOf(parse(render(sampleResult({ incomplete: false }))));
  const byRule = (id: string): SarifResult => run.results.find((result) => result.ruleId === id) as SarifResult;
  assert.deepEqual(
    run.results.map((result) => [result.ruleId, result.level]),
    [
      ['IG-PARSE-002', 'error'],
      ['IG-PARSE-003', 'note'],
      ['IG-K8S-114', 'note'],
      ['IG-K8S-111', 'warning'],
      ['IG-K8S-101', 'error'],
      ['IG-ML-999', 'note'],
      ['IG-K8S-118', 'warning'],
    ],
  );

  const privileged = byRule('IG-K8S-101');
  assert.deepEqual(privileged.locations[0]?.physicalLocation, {
    artifactLocation: { uri: 'deploy/model-server.yaml', uriBaseId: SARIF_SRCROOT },
    region: { startLine: 13, startColumn: 13, endLine: 13, endColumn: 29 },
  });
  assert.equal(privileged.properties.severity, 'critical');
  assert.equal(privileged.properties['security-severity'], '9.5');
  assert.equal(privileged.properties.resource, 'Deployment serving/tf-serving');
  assert.deepEqual(privileged.properties.alsoMatched, ['IG-K8S-102']);
  assert.match(privileged.partialFingerprints[SARIF_FINGERPRINT_KEY] ?? '', /^[a-z0-9]{32}$/);
  assert.deepEqual(
    privileged.relatedLocations?.map((location) => [location.id, location.physicalLocation.artifactLocation.uri, location.message?.text]),
    [
      [1, 'deploy/service.yaml', 'Service serving/tf-serving exposes the pod on a LoadBalancer.'],
      [2, 'deploy/model-server.yaml', "reaches container 'server'."],
    ],
  );
  const steps = privileged.codeFlows?.[0]?.threadFlows[0]?.locations.map((step) => `${step.location.physicalLocation.artifactLocation.uri}:${step.location.physicalLocation.region?.startLine}`);
  assert.deepEqual(steps, ['deploy/service.yaml:6', 'deploy/model-server.yaml:10', 'deploy/model-server.yaml:13']);
  assert.equal(byRule('IG-K8S-111').codeFlows, undefined);

  // A point (parse error) is given by its start: SARIF reads it as the rest of the line.
  assert.deepEqual(byRule('IG-PARSE-002').locations[0]?.physicalLocation.region, { startLine: 3, startColumn: 7 });
});

test('suppressed findings are kept with a SARIF suppression', () => {
  const run = runOf(parse(render(sampleResult({ incomplete: false }))));
  const suppressed = run.results.filter((result) => result.suppressions);
  assert.equal(suppressed.length, 1);
  assert.deepEqual(suppressed[0]?.suppressions, [
    {
      kind: 'inSource',
      status: 'accepted',
      justification: 'probes come from the mesh sidecar',
      location: {
        physicalLocation: { artifactLocation: { uri: 'deploy/model-server.yaml', uriBaseId: SARIF_SRCROOT }, region: { startLine: 9, startColumn: 7, endLine: 9, endColumn: 40 } },
      },
      properties: { inferguardKind: 'inline', until: '2030-01-31' },
    },
  ]);
  const result = sampleResult({ incomplete: false });
  const external = result.findings.map((finding) => (finding.suppression ? { ...finding, suppression: { kind: 'baseline' as const, reason: 'accepted risk' } } : finding));
  const kinds = runOf(parse(render({ ...result, findings: external }))).results.flatMap((entry) => entry.suppressions ?? []).map((entry) => entry.kind);
  assert.deepEqual(kinds, ['external']);
});

test('invocation: executionSuccessful follows incomplete; skipped and errored files are notifications', () => {
  for (const incomplete of [false, true]) {
    const [invocation] = runOf(parse(render(sampleResult({ incomplete })))).invocations;
    assert.equal(invocation?.executionSuccessful, !incomplete);
    assert.deepEqual(
      invocation?.toolExecutionNotifications?.map((notification) => [notification.level, notification.locations[0]?.physicalLocation.artifactLocation.uri, notification.message.text]),
      [
        ['error', 'broken.yaml', 'File could not be fully loaded: 1 of 2 documents could not be loaded.'],
        ['note', 'charts/app/templates/deployment.yaml', 'File skipped: unrendered Helm template.'],
        ['note', 'infra/main.tf', 'File skipped: Terraform is not analysed yet (planned: Terraform engine).'],
      ],
    );
    assert.equal(invocation?.toolConfigurationNotifications?.length, 1);
  }
});

test('deterministic: byte-identical, no timestamps, no absolute paths, special characters encoded', () => {
  const result = sampleResult({ incomplete: true });
  const first = render(result);
  assert.equal(render({ ...result, findings: [...result.findings].reverse() }), first);
  assert.equal(render(result, [...SAMPLE_RULES].reverse()), first);
  assert.doesNotMatch(first, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|file:\/\//);
  assert.ok(first.endsWith('}\n'));

  const odd = { ...result, findings: result.findings.map((finding) => ({ ...finding, location: { ...finding.location, file: 'my dir/a#1 %.yaml' } })) };
  const uris = runOf(parse(render(odd))).results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri);
  assert.ok(uris.every((uri) => uri === 'my%20dir/a%231%20%25.yaml'));
});
