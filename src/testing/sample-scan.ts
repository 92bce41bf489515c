// Test-only: a hand-built scan result shared by the reporter tests (not a test file itself, so the
// runner does not execute it).
import type { FileRecord, Finding, Severity } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { RuleMeta } from '../rules/define-rule.js';
import type { DiagnosticMeta } from '../rules/diagnostics.js';
import { DIAGNOSTICS } from '../rules/diagnostics.js';
import { SourceFile } from '../source/source-file.js';

export const DEPLOYMENT = 'deploy/model-server.yaml';
export const SERVICE = 'deploy/service.yaml';
export const BROKEN = 'broken.yaml';
export const HELM = 'charts/app/templates/deployment.yaml';
export const TERRAFORM = 'infra/main.tf';

const deploymentText = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: tf-serving',
  '  namespace: serving',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: tensorflow/serving:latest',
  '          securityContext:',
  '            privileged: true',
  '',
].join('\n');

// A tab before the span (caret alignment) and an ESC byte (must not reach the terminal).
const serviceText = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: tf-serving # \u001b[31mred', 'spec:', '  type:\tLoadBalancer', ''].join('\n');

const brokenText = ['apiVersion: v1', 'kind: ConfigMap', 'data: {a: b', '---', 'kind: Pod', ''].join('\n');

export function sampleSources(): ReadonlyMap<string, SourceFile> {
  return new Map([DEPLOYMENT, SERVICE, BROKEN].map((path) => [path, new SourceFile(path, path === DEPLOYMENT ? deploymentText : path === SERVICE ? serviceText : brokenText)]));
}

function meta(id: string, name: string, title: string, severity: Severity, extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    name,
    title,
    severity,
    rationale: `Why ${name} matters for model serving.`,
    remediation: `Fix ${name}:\n  do the **right** thing.`,
    references: [`https://example.com/${name}`],
    mappings: {},
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: { main: title },
    examples: { bad: 'kind: Pod\n', good: 'kind: Pod\n' },
    ...extra,
  };
}

export const SAMPLE_RULES: readonly (RuleMeta | DiagnosticMeta)[] = [
  meta('IG-K8S-101', 'privileged-container', 'Container runs privileged', 'high', {
    mappings: { stride: ['E'], atlas: ['AML.T0049'], cis: ['5.2.2'], nist: ['AC-6', 'SC-39'], owasp: ['ML06'] },
  }),
  meta('IG-K8S-111', 'image-not-pinned', 'Image not pinned to a digest', 'medium', { mappings: { stride: ['T'], nist: ['CM-2'] }, references: [] }),
  meta('IG-K8S-114', 'probes-missing', 'Liveness / readiness probes missing', 'low'),
  meta('IG-K8S-118', 'service-exposed-externally', 'Service exposed outside the cluster', 'medium', { defaultEnabled: false }),
  ...DIAGNOSTICS,
];

const deployment = { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'serving', name: 'tf-serving' } as const;

function finding(
  ruleId: string,
  severity: Severity,
  file: string,
  [startLine, startColumn, endLine, endColumn]: readonly [number, number, number, number],
  extra: Partial<Finding> = {},
): Finding {
  const rule = SAMPLE_RULES.find((candidate) => candidate.id === ruleId);
  return {
    ruleId,
    ruleName: rule?.name ?? 'unknown',
    messageId: 'main',
    severity,
    title: rule?.title ?? ruleId,
    message: `${rule?.title ?? ruleId} in ${file}`,
    location: { file, startLine, startColumn, endLine, endColumn },
    remediation: rule?.remediation ?? 'Fix it.',
    mappings: rule?.mappings ?? {},
    fingerprint: `${ruleId}-${file}-${startLine}`.replace(/[^A-Za-z0-9]/g, '').toLowerCase().padEnd(32, '0').slice(0, 32),
    related: [],
    ...extra,
  };
}

/** Two scanned manifests, a broken one, a skipped Helm template and a skipped Terraform file. */
export function sampleResult(options: { incomplete: boolean; failOn?: Severity | 'none' }): ScanResult {
  const findings: Finding[] = [
    finding('IG-PARSE-002', 'high', BROKEN, [3, 7, 3, 7], { ruleName: 'manifest-document-invalid', message: 'Document 1 could not be loaded: missing }\n\ndata: {a: b\n      ^', remediation: 'Fix the document.' }),
    finding('IG-PARSE-003', 'info', HELM, [1, 1, 1, 1], { ruleName: 'file-skipped', message: 'File skipped: unrendered Helm template', remediation: 'Render it with `helm template`.' }),
    finding('IG-K8S-114', 'low', DEPLOYMENT, [10, 11, 10, 23], {
      resource: deployment,
      path: '/spec/template/spec/containers/0',
      suppression: { kind: 'inline', reason: 'probes come from the mesh sidecar', until: '2030-01-31', location: { file: DEPLOYMENT, startLine: 9, startColumn: 7, endLine: 9, endColumn: 40 } },
    }),
    finding('IG-K8S-111', 'medium', DEPLOYMENT, [11, 18, 11, 43], { resource: deployment, path: '/spec/template/spec/containers/0/image' }),
    finding('IG-K8S-101', 'critical', DEPLOYMENT, [13, 13, 13, 29], {
      message: "Container 'server' runs privileged: it is root on the node.",
      resource: deployment,
      path: '/spec/template/spec/containers/0/securityContext/privileged',
      related: [
        { file: SERVICE, startLine: 6, startColumn: 3, endLine: 6, endColumn: 20, message: 'Service serving/tf-serving exposes the pod on a LoadBalancer' },
        { file: DEPLOYMENT, startLine: 10, startColumn: 11, endLine: 10, endColumn: 23, message: "reaches container 'server'" },
      ],
      alsoMatched: ['IG-K8S-102'],
    }),
    // A rule id not among SAMPLE_RULES: SARIF must still describe it.
    finding('IG-ML-999', 'low', SERVICE, [4, 9, 4, 30], { ruleName: 'made-up-rule', title: 'A rule nobody registered', message: 'Name tf-serving # \u001b[31mred is \u202eodd', mappings: { cis: ['1.2.3'] } }),
    finding('IG-K8S-118', 'medium', SERVICE, [6, 9, 6, 21], { resource: { kind: 'Service', namespace: 'serving', name: 'tf-serving' } }),
  ];
  const files: FileRecord[] = [
    { path: BROKEN, kind: 'kubernetes', status: 'error', reason: '1 of 2 documents could not be loaded', bytes: brokenText.length, documents: 2 },
    { path: HELM, kind: 'helm-template', status: 'skipped', reason: 'unrendered Helm template', bytes: 120 },
    { path: DEPLOYMENT, kind: 'kubernetes', status: 'scanned', bytes: deploymentText.length, documents: 1 },
    { path: SERVICE, kind: 'kubernetes', status: 'scanned', bytes: serviceText.length, documents: 1 },
    { path: TERRAFORM, kind: 'terraform', status: 'skipped', reason: 'Terraform is not analysed yet (planned: Terraform engine)', bytes: 42 },
  ];
  return {
    findings,
    files,
    incomplete: options.incomplete,
    failOn: options.failOn ?? 'high',
    notices: ['Suppression of IG-K8S-106 in deploy/model-server.yaml:4 expired on 2024-01-01; the finding is reported again'],
  };
}
