import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import { SourceFile } from '../source/source-file.js';
import { BROKEN, DEPLOYMENT, HELM, SERVICE, TERRAFORM, sampleResult, sampleSources } from '../testing/sample-scan.js';
import { renderText } from './text.js';

const ESC = '\u001b';

function render(options: { incomplete?: boolean; verbose?: boolean; color?: boolean; failOn?: ScanResult['failOn'] } = {}): string {
  return renderText(sampleResult({ incomplete: options.incomplete ?? false, ...(options.failOn ? { failOn: options.failOn } : {}) }), {
    color: options.color ?? false,
    sources: sampleSources(),
    verbose: options.verbose ?? false,
  });
}

/** The marker line under the source line `<line> | …`, both with the gutter cut off. */
function snippetAt(output: string, line: number, after = 0): { source: string; marker: string } {
  const lines = output.split('\n');
  const index = lines.findIndex((text, position) => position >= after && text.startsWith(`      ${line} | `));
  assert.notEqual(index, -1, `no snippet for line ${line}`);
  const cut = `      ${line} | `.length;
  return { source: (lines[index] as string).slice(cut), marker: (lines[index + 1] as string).slice(cut) };
}

test('findings are grouped under their file, files in sorted order', () => {
  const output = render({ verbose: true });
  const headers = output.split('\n').filter((line) => /^\S/.test(line) && !/^(Notices|Skipped files|Files with errors|Summary)/.test(line));
  assert.deepEqual(headers, [BROKEN, HELM, DEPLOYMENT, SERVICE]);
  const deployment = output.slice(output.indexOf(`${DEPLOYMENT}\n`), output.indexOf(`${SERVICE}\n`));
  for (const id of ['IG-K8S-114', 'IG-K8S-111', 'IG-K8S-101']) assert.match(deployment, new RegExp(`\\b${id}\\b`));
  assert.doesNotMatch(deployment, /IG-K8S-118/);
  // Within a file: report order (line, column).
  assert.ok(deployment.indexOf('IG-K8S-111') < deployment.indexOf('IG-K8S-101'));
});

test('a finding shows severity, id, title, message, resource, location, remediation on one line', () => {
  const output = render();
  assert.match(output, /^ {2}CRITICAL IG-K8S-101 {2}Container runs privileged$/m);
  assert.match(output, /^ {4}Container 'server' runs privileged: it is root on the node\.$/m);
  assert.match(output, /^ {4}at deploy\/model-server\.yaml:13:13 \(Deployment serving\/tf-serving\)$/m);
  assert.match(output, /^ {4}fix: Fix privileged-container: do the \*\*right\*\* thing\.$/m);
  assert.match(output, /^ {4}also matches: IG-K8S-102$/m);
});

test('the caret sits under the span, on the first line of the span only', () => {
  const output = render();
  const privileged = snippetAt(output, 13);
  assert.equal(privileged.source, '            privileged: true');
  assert.equal(privileged.marker, ' '.repeat(12) + '^'.repeat('privileged: true'.length));

  const image = snippetAt(output, 11);
  assert.equal(image.marker.indexOf('^'), image.source.indexOf('tensorflow/serving:latest'));
  assert.equal(image.marker.trim(), '^'.repeat('tensorflow/serving:latest'.length));

  // A point (parse error) still gets one caret.
  assert.equal(snippetAt(output, 3).marker, '      ^');
});

test('tabs before the span are copied into the marker so the carets line up', () => {
  const service = snippetAt(render(), 6);
  assert.equal(service.source, '  type:\tLoadBalancer');
  assert.equal(service.marker, '       \t' + '^'.repeat('LoadBalancer'.length));
});

test('a multi-line span is underlined to the end of its first line', () => {
  const file = new SourceFile('a.yaml', 'spec:\n  template:\n    x: 1\n');
  const output = renderText(single({ startLine: 2, startColumn: 3, endLine: 3, endColumn: 9 }), { color: false, sources: new Map([['a.yaml', file]]) });
  assert.equal(snippetAt(output, 2).marker, '  ' + '^'.repeat('template:'.length));
});

test('a long line is cut to a window that keeps the caret under the span', () => {
  const line = `key: ${'x'.repeat(400)} target ${'y'.repeat(400)}`;
  const column = line.indexOf('target') + 1;
  const file = new SourceFile('long.json', line);
  const output = renderText(single({ file: 'long.json', startLine: 1, startColumn: column, endLine: 1, endColumn: column + 6 }), { color: false, sources: new Map([['long.json', file]]) });
  const { source, marker } = snippetAt(output, 1);
  assert.ok(source.length < 200, `window too wide: ${source.length}`);
  assert.ok(source.startsWith('...') && source.endsWith('...'));
  assert.equal(source.slice(marker.indexOf('^'), marker.indexOf('^') + 6), 'target');
  assert.equal(marker.trim(), '^^^^^^');
});

test('no ANSI escape at all when color is false, even from hostile file content', () => {
  for (const verbose of [false, true]) {
    const output = render({ verbose, incomplete: true });
    assert.ok(!output.includes(ESC), 'found an escape byte');
    assert.ok(!output.includes('\u202e'), 'found a bidi override');
  }
  // The ESC byte and the bidi override of the sample are shown escaped, caret still aligned.
  const output = render();
  assert.match(output, /Name tf-serving # \\x1b\[31mred is \\u202eodd/);
  const hostile = snippetAt(output, 4);
  assert.equal(hostile.source, '  name: tf-serving # \\x1b[31mred');
  assert.equal(hostile.marker, ' '.repeat(8) + '^'.repeat('tf-serving # \\x1b[31mred'.length));
});

test('colours only when asked, and every colour is reset', () => {
  const output = render({ color: true, incomplete: true });
  assert.ok(output.includes(`${ESC}[1m${ESC}[35mCRITICAL`));
  const opened = output.split(ESC).length - 1;
  const resets = output.split(`${ESC}[0m`).length - 1;
  assert.ok(resets > 0 && opened >= resets);
  // Scanned content stays escaped in colour mode too: the only ESC bytes are ours, each followed by '['.
  assert.ok(!output.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '').includes(ESC));
});

test('suppressed findings are counted, and shown only with verbose', () => {
  const quiet = render();
  assert.doesNotMatch(quiet, /IG-K8S-114/);
  assert.match(quiet, /findings: 1 critical, 1 high, 2 medium, 1 low, 1 info \(1 suppressed; --verbose shows them\)/);

  const verbose = render({ verbose: true });
  assert.match(verbose, /^ {2}LOW {6}IG-K8S-114 {2}Liveness \/ readiness probes missing {2}\[suppressed\]$/m);
  assert.match(verbose, /^ {4}suppressed \(inline\): probes come from the mesh sidecar \(until 2030-01-31\)$/m);
  assert.match(verbose, /\(1 suppressed\)/);
});

test('related locations (attack-path hops) are indented beneath the finding', () => {
  const output = render();
  const block = output.slice(output.indexOf('IG-K8S-101'), output.indexOf(`${SERVICE}\n`));
  assert.match(block, /^ {4}related:\n {6}deploy\/service\.yaml:6:3 {2}Service serving\/tf-serving exposes the pod on a LoadBalancer\n {6}deploy\/model-server\.yaml:10:11 {2}reaches container 'server'$/m);
});

test('notices, skipped and errored files are listed with their reason', () => {
  const output = render();
  assert.match(output, /^Notices\n {2}- Suppression of IG-K8S-106 .* reported again$/m);
  assert.match(output, new RegExp(`^Skipped files \\(2\\)\\n  ${HELM}: unrendered Helm template\\n  ${TERRAFORM}: Terraform is not analysed yet`, 'm'));
  assert.match(output, new RegExp(`^Files with errors \\(1\\)\\n  ${BROKEN}: 1 of 2 documents could not be loaded$`, 'm'));
  assert.match(output, /^ {2}files: {4}2 scanned, 2 skipped, 1 errored$/m);
});

test('summary: PARTIAL only when incomplete; whether the threshold was reached', () => {
  assert.match(render({ incomplete: true }), /^ {2}result is PARTIAL: /m);
  assert.doesNotMatch(render({ incomplete: false }), /PARTIAL/);
  assert.match(render({ failOn: 'high' }), /^ {2}fail threshold high: reached$/m);
  assert.match(render({ failOn: 'none' }), /^ {2}fail threshold: none \(findings do not fail the scan\)$/m);
  // Only low findings left: below the high threshold.
  const onlyLow = renderText({ ...sampleResult({ incomplete: false }), findings: sampleResult({ incomplete: false }).findings.filter((finding) => finding.severity === 'low') }, { color: false, sources: sampleSources() });
  assert.match(onlyLow, /^ {2}fail threshold high: not reached$/m);
  assert.ok(render().endsWith('\n'));
});

test('an empty scan says so', () => {
  const output = renderText({ findings: [], files: [], incomplete: false, failOn: 'high', notices: [] }, { color: false, sources: new Map() });
  assert.equal(
    output,
    ['No findings.', '', 'Summary', '  findings: 0 critical, 0 high, 0 medium, 0 low, 0 info', '  files:    0 scanned, 0 skipped, 0 errored', '  fail threshold high: not reached', ''].join('\n'),
  );
});

test('the whole layout of one finding', () => {
  const file = new SourceFile('pod.yaml', 'kind: Pod\nspec:\n  hostNetwork: true\n');
  const output = renderText(single({ file: 'pod.yaml', startLine: 3, startColumn: 3, endLine: 3, endColumn: 20 }), { color: false, sources: new Map([['pod.yaml', file]]) });
  assert.equal(
    output,
    [
      'pod.yaml',
      '  HIGH     IG-K8S-102  Pod shares the host network',
      "    Pod 'web' uses the node's network namespace.",
      '    at pod.yaml:3:3 (Pod default/web)',
      '      3 |   hostNetwork: true',
      '        |   ^^^^^^^^^^^^^^^^^',
      '    fix: Remove `hostNetwork: true`.',
      '',
      'Summary',
      '  findings: 0 critical, 1 high, 0 medium, 0 low, 0 info',
      '  files:    0 scanned, 0 skipped, 0 errored',
      '  fail threshold high: reached',
      '',
    ].join('\n'),
  );
});

function single(location: Partial<Finding['location']> & Pick<Finding['location'], 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>): ScanResult {
  const finding: Finding = {
    ruleId: 'IG-K8S-102',
    ruleName: 'host-network-shared',
    severity: 'high',
    title: 'Pod shares the host network',
    message: "Pod 'web' uses the node's network namespace.",
    location: { file: 'a.yaml', ...location },
    resource: { kind: 'Pod', namespace: 'default', name: 'web' },
    remediation: 'Remove `hostNetwork: true`.',
    mappings: {},
    fingerprint: '0'.repeat(32),
    related: [],
  };
  return { findings: [finding], files: [], incomplete: false, failOn: 'high', notices: [] };
}
