import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FileKind, FileStatus, Severity, SuppressionKind } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import { REPORT_SCHEMA_URI, REPORT_SCHEMA_VERSION, renderJson } from './json.js';
import { validateJson } from '../testing/json-schema-subset.js';
import { sampleResult } from '../testing/sample-scan.js';

// dist/src/report/ → the project root.
const ROOT = new URL('../../../', import.meta.url);
const schema: unknown = JSON.parse(readFileSync(new URL('docs/report-schema.json', ROOT), 'utf8'));
const page = readFileSync(new URL('docs/json-schema.md', ROOT), 'utf8');

const render = (result: ScanResult): string => renderJson(result, { toolVersion: '1.2.3' });

test('the report validates against docs/report-schema.json', () => {
  for (const incomplete of [false, true]) {
    for (const failOn of ['high', 'none', 'info'] as const) {
      const report: unknown = JSON.parse(render(sampleResult({ incomplete, failOn })));
      assert.deepEqual(validateJson(report, schema), []);
    }
  }
  const empty: unknown = JSON.parse(render({ findings: [], files: [], incomplete: false, failOn: 'high', notices: [] }));
  assert.deepEqual(validateJson(empty, schema), []);
});

test('the schema check is not vacuous: it rejects broken reports', () => {
  const report = JSON.parse(render(sampleResult({ incomplete: false }))) as Record<string, unknown> & { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
  const broken = structuredClone(report);
  delete broken.notices;
  (broken.findings[0] as Record<string, unknown>).severity = 'severe';
  (broken.findings[1] as Record<string, unknown>).extra = 1;
  broken.summary.failed = 'yes';
  const errors = validateJson(broken, schema);
  assert.deepEqual(errors, [
    "/: missing required property 'notices'",
    '/summary/failed: expected boolean, got string',
    '/findings/0/severity: "severe" is not one of ["critical","high","medium","low","info"]',
    '/findings/1/extra: no value is allowed here',
  ]);
});

test('the schema enums list every value of the TypeScript unions', () => {
  // `satisfies` fails to compile when a union grows: update docs/report-schema.json with it.
  const severities = { critical: true, high: true, medium: true, low: true, info: true } satisfies Record<Severity, true>;
  const kinds = { kubernetes: true, terraform: true, 'terraform-json': true, tfvars: true, 'terraform-plan': true, 'helm-template': true, other: true } satisfies Record<FileKind, true>;
  const statuses = { scanned: true, skipped: true, error: true } satisfies Record<FileStatus, true>;
  const suppressions = { inline: true, annotation: true, config: true, baseline: true } satisfies Record<SuppressionKind, true>;
  const defs = (schema as { $defs: Record<string, { properties?: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>; enum?: string[] }> }).$defs;
  assert.deepEqual(defs.severity?.enum, Object.keys(severities));
  assert.deepEqual(defs.file?.properties?.kind?.enum, Object.keys(kinds));
  assert.deepEqual(defs.file?.properties?.status?.enum, Object.keys(statuses));
  assert.deepEqual(defs.finding?.properties?.suppression?.properties?.kind?.enum, Object.keys(suppressions));
});

test('header, summary counts and optional fields', () => {
  const report = JSON.parse(render(sampleResult({ incomplete: true }))) as {
    $schema: string;
    schemaVersion: string;
    tool: unknown;
    summary: unknown;
    findings: { ruleId: string; suppression?: unknown; resource?: unknown; related: unknown[] }[];
    files: unknown[];
  };
  assert.equal(report.$schema, REPORT_SCHEMA_URI);
  assert.equal(report.schemaVersion, REPORT_SCHEMA_VERSION);
  assert.deepEqual(report.tool, { name: 'inferguard', version: '1.2.3' });
  assert.deepEqual(report.summary, {
    bySeverity: { critical: 1, high: 1, medium: 2, low: 1, info: 1 },
    unsuppressed: 6,
    suppressed: 1,
    total: 7,
    files: { scanned: 2, skipped: 2, error: 1, total: 5 },
    incomplete: true,
    failOn: 'high',
    failed: true,
  });
  // Suppressed findings are kept, with their suppression.
  const suppressed = report.findings.find((finding) => finding.ruleId === 'IG-K8S-114');
  assert.deepEqual(suppressed?.suppression, {
    kind: 'inline',
    reason: 'probes come from the mesh sidecar',
    until: '2030-01-31',
    location: { file: 'deploy/model-server.yaml', startLine: 9, startColumn: 7, endLine: 9, endColumn: 40 },
  });
  const parseError = report.findings.find((finding) => finding.ruleId === 'IG-PARSE-002');
  assert.ok(parseError && !('resource' in parseError) && !('suppression' in parseError));
  assert.equal(report.findings.find((finding) => finding.ruleId === 'IG-K8S-101')?.related.length, 2);
});

test('deterministic: byte-identical across renders and whatever the input order', () => {
  const result = sampleResult({ incomplete: false });
  const first = render(result);
  assert.equal(render(sampleResult({ incomplete: false })), first);
  const shuffled: ScanResult = { ...result, findings: [...result.findings].reverse(), files: [...result.files].reverse() };
  assert.equal(render(shuffled), first);
  // Key order is fixed even when the finding objects were built with keys in another order.
  const rebuilt: ScanResult = { ...result, findings: result.findings.map((finding) => Object.fromEntries(Object.entries(finding).reverse()) as typeof finding) };
  assert.equal(render(rebuilt), first);
});

test('format: 2-space indent, trailing newline, fixed top-level order, no timestamps or absolute paths', () => {
  const text = render(sampleResult({ incomplete: true }));
  assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
  assert.ok(text.startsWith('{\n  "$schema": '));
  assert.deepEqual(Object.keys(JSON.parse(text) as object), ['$schema', 'schemaVersion', 'tool', 'summary', 'findings', 'files', 'notices']);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  const report = JSON.parse(text) as { findings: { location: { file: string } }[]; files: { path: string }[] };
  for (const path of [...report.findings.map((finding) => finding.location.file), ...report.files.map((file) => file.path)]) {
    assert.ok(!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) && !path.includes('\\'), path);
  }
});

test('docs/json-schema.md describes every field of the schema', () => {
  const names = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') for (const name of Object.keys(value as object)) names.add(name);
        collect(value);
      }
    }
  };
  collect(schema);
  const missing = [...names].filter((name) => !page.includes(`\`${name}\``));
  assert.deepEqual(missing, []);
  assert.ok(page.includes(REPORT_SCHEMA_VERSION), 'the page names the current schema version');
});

test('the example in docs/json-schema.md is a valid report', () => {
  const example = /```json\n([\s\S]*?)\n```/.exec(page)?.[1];
  assert.ok(example, 'no json example');
  assert.deepEqual(validateJson(JSON.parse(example), schema), []);
});
