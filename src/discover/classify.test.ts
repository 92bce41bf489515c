import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileKind } from '../findings/finding.js';
import { classify, extensionOf, hasUnrenderedAction, templateReason } from './classify.js';
import { HELM_TEMPLATE_REASON, TEMPLATE_REASON } from './types.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
const PLAN = '{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{}},"resource_changes":[]}';

const CASES: readonly { name: string; path: string; text: string; inChartTemplates?: boolean; kind: FileKind }[] = [
  { name: '.tf is terraform whatever it holds', path: 'main.tf', text: 'apiVersion: v1\nkind: Pod\n', kind: 'terraform' },
  { name: '.tf.json before .json', path: 'main.tf.json', text: '{"resource":{}}', kind: 'terraform-json' },
  { name: '.tfvars', path: 'prod.tfvars', text: 'a = 1\n', kind: 'tfvars' },
  { name: '.tfvars.json', path: 'prod.tfvars.json', text: '{"a":1}', kind: 'tfvars' },
  { name: 'upper-case extension', path: 'MAIN.TF', text: '', kind: 'terraform' },
  { name: 'terragrunt .hcl is not a terraform module', path: 'terragrunt.hcl', text: 'inputs = {}\n', kind: 'other' },
  { name: 'plan JSON', path: 'plan.json', text: PLAN, kind: 'terraform-plan' },
  { name: 'plan JSON with resource_changes only', path: 'plan.json', text: '{"format_version":"1.2","resource_changes":[]}', kind: 'terraform-plan' },
  { name: 'state JSON is not a plan', path: 'state.json', text: '{"format_version":"1.0","values":{}}', kind: 'other' },
  { name: 'Kubernetes YAML', path: 'pod.yaml', text: POD, kind: 'kubernetes' },
  { name: '.yml', path: 'pod.yml', text: POD, kind: 'kubernetes' },
  { name: 'second document is a manifest', path: 'multi.yaml', text: `a: 1\n---\n${POD}`, kind: 'kubernetes' },
  { name: 'Kubernetes JSON', path: 'pod.json', text: '{"apiVersion":"v1","kind":"Pod"}', kind: 'kubernetes' },
  { name: 'nested kind is not top-level', path: 'x.yaml', text: 'spec:\n  apiVersion: v1\n  kind: Pod\n', kind: 'other' },
  { name: 'kind without apiVersion (kustomization)', path: 'kustomization.yaml', text: 'resources:\n- a.yaml\nkind: Kustomization\n', kind: 'other' },
  { name: 'empty kind value', path: 'x.yaml', text: 'apiVersion: v1\nkind:\n', kind: 'other' },
  { name: 'helm values', path: 'chart/values.yaml', text: 'image: {{ .Values.image }}\n', kind: 'other' },
  { name: 'Chart.yaml', path: 'chart/Chart.yaml', text: 'apiVersion: v2\nname: x\n', kind: 'other' },
  { name: 'chart template', path: 'chart/templates/d.yaml', text: `${POD}  labels: {{ include "x" . }}\n`, inChartTemplates: true, kind: 'helm-template' },
  { name: 'chart template with {{ in a block scalar', path: 'chart/templates/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    {{ .Values.x }}\n', inChartTemplates: true, kind: 'helm-template' },
  { name: 'chart template with {{ only in comments', path: 'chart/templates/d.yaml', text: `# {{ .Values.x }}\n${POD}`, inChartTemplates: true, kind: 'kubernetes' },
  { name: 'plain manifest in a chart (CRD)', path: 'chart/templates/crd.yaml', text: POD, inChartTemplates: true, kind: 'kubernetes' },
  { name: '.tpl under templates/', path: 'chart/templates/_helpers.tpl', text: '{{- define "x" }}{{ end }}', kind: 'helm-template' },
  { name: '.tpl elsewhere', path: 'x/_helpers.tpl', text: '{{ x }}', kind: 'other' },
  { name: 'action at a line start', path: 'd.yaml', text: `{{- if .Values.enabled }}\n${POD}{{- end }}\n`, kind: 'helm-template' },
  { name: 'unquoted action value', path: 'd.yaml', text: `${POD}spec:\n  image: {{ .Values.image }}\n`, kind: 'helm-template' },
  { name: 'action as a sequence item', path: 'd.yaml', text: `${POD}args:\n  - {{ .Values.arg }}\n`, kind: 'helm-template' },
  { name: 'quoted action value is data', path: 'wf.yaml', text: `${POD}spec:\n  args: ["{{inputs.parameters.x}}"]\n  name: "{{ .x }}"\n  n: '{{ y }}'\n`, kind: 'kubernetes' },
  { name: 'action inside a value is data', path: 'r.yaml', text: `${POD}args:\n  - --model_name={{.Name}}\n`, kind: 'kubernetes' },
  {
    name: 'action lines inside a block scalar are data',
    path: 'cm.yaml',
    text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  tpl: |-\n    {{- if .X }}\n    {{ .Y }}\n\n    {{- end }}\n  other: x\n',
    kind: 'kubernetes',
  },
  {
    name: 'block scalar as a sequence item',
    path: 'p.yaml',
    text: `${POD}spec:\n  command:\n  - |\n    {{ .X }}\n  - >-\n    {{ .Y }}\n`,
    kind: 'kubernetes',
  },
  {
    name: 'action lines inside a multi-line double-quoted string are data',
    path: 'cm.yaml',
    text: `${POD}data:\n  script: "echo \\"a\\"\n    {{ if .X }}x{{ end }}\n    done"\n`,
    kind: 'kubernetes',
  },
  { name: 'action after a block scalar ends', path: 'cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    text\n{{ .Values.more | indent 2 }}\n', kind: 'helm-template' },
  { name: 'action in a comment', path: 'x.yaml', text: `# {{ .Values.x }}\n${POD}`, kind: 'kubernetes' },
  { name: 'stdin manifest', path: '<stdin>', text: POD, kind: 'kubernetes' },
  { name: 'stdin plan', path: '<stdin>', text: PLAN, kind: 'terraform-plan' },
  { name: 'stdin HCL', path: '<stdin>', text: 'resource "aws_s3_bucket" "b" {\n}\n', kind: 'terraform' },
  { name: 'stdin Terraform JSON', path: '<stdin>', text: '{"resource":{"aws_s3_bucket":{}}}', kind: 'terraform-json' },
  { name: 'stdin template', path: '<stdin>', text: `{{- if .X }}\n${POD}`, kind: 'helm-template' },
  { name: 'stdin other', path: '<stdin>', text: 'hello: world\n', kind: 'other' },
];

test('classification table', () => {
  const names = new Set<string>();
  for (const { name, kind, ...input } of CASES) {
    assert.ok(!names.has(name), `duplicate case ${name}`);
    names.add(name);
    assert.equal(classify(input), kind, name);
  }
});

test('extensions: longest first, a bare extension is not a name', () => {
  assert.equal(extensionOf('a.tf.json'), '.tf.json');
  assert.equal(extensionOf('a.tfvars.json'), '.tfvars.json');
  assert.equal(extensionOf('a.json'), '.json');
  assert.equal(extensionOf('.yaml'), undefined);
  assert.equal(extensionOf('README.md'), undefined);
});

test('hasUnrenderedAction ignores text without actions', () => {
  assert.equal(hasUnrenderedAction(POD), false);
  assert.equal(hasUnrenderedAction('a: "{{"\nb: |\n  {{\n'), false);
});

test('the Helm advice only for Helm templates', () => {
  assert.equal(templateReason({ path: 'd.yaml', text: 'a: {{ .Values.x }}' }), HELM_TEMPLATE_REASON);
  assert.equal(templateReason({ path: 'd.yaml', text: 'a: {{ include "x" . }}' }), HELM_TEMPLATE_REASON);
  assert.equal(templateReason({ path: 'c/templates/d.yaml', text: 'a: {{ .x }}', inChartTemplates: true }), HELM_TEMPLATE_REASON);
  assert.equal(templateReason({ path: 'd.yaml', text: 'name: {{ graph_name }}' }), TEMPLATE_REASON);
  assert.equal(templateReason({ path: 'd.yaml', text: 'namespace: {{ .Namespace }}' }), TEMPLATE_REASON);
});
