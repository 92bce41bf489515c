import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { schemaInvalidField } from './schema-invalid-field.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/schema-invalid-field';

ruleTester(schemaInvalidField, {
  fixtures: FIXTURES,
  valid: [
    { name: 'valid objects: quantities as numbers, int-or-string, null, folded base64, CRDs, stripped schema keys', file: 'pass-valid.yaml' },
    { name: 'kustomize patches: partial objects and $patch directives', file: 'pass-patches.yaml' },
    { name: 'kubernetes_* in Terraform: primitives Terraform converts to the attribute type', file: 'pass-terraform-conversions.tf' },
    { name: 'kinds kubernetes-models does not know are skipped', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\nnotAField: 1\n' },
    { name: 'YAML 1.1 booleans are booleans to kubectl', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  automountServiceAccountToken: no\n  containers:\n    - name: a\n      image: x:1\n' },
    { name: 'a {placeholder} left for a tool to fill', code: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  awsElasticBlockStore:\n    volumeID: {volume-id}\n' },
  ],
  invalid: [
    {
      name: 'kubernetes_* in Terraform: a value no conversion makes an integer',
      file: 'fail-terraform-types.tf',
      errors: [{ line: 11, messageId: 'invalidValue' }],
    },
    {
      name: 'misspelled and misplaced security fields, enum, types and quantity in a Deployment',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 10, messageId: 'unknownField' },
        { line: 19, messageId: 'invalidValue' },
        { line: 20, messageId: 'unknownField' },
        { line: 22, messageId: 'unknownField' },
        { line: 24, messageId: 'unknownField' },
        { line: 27, messageId: 'invalidValue' },
        { line: 30, messageId: 'invalidValue' },
        { line: 33, messageId: 'invalidValue' },
      ],
    },
    {
      name: 'a fraction where an integer is expected',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1.5\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: a, image: "x:1"}]\n',
      errors: [{ line: 5, messageId: 'invalidValue' }],
    },
    {
      name: 'Service port name as port, PVC hostPath, unquoted numbers in labels and data, bad base64',
      file: 'fail-other-kinds.yaml',
      errors: [
        { line: 10, messageId: 'invalidValue' },
        { line: 23, messageId: 'unknownField' },
        { line: 32, messageId: 'invalidValue' },
        { line: 34, messageId: 'invalidValue' },
        { line: 44, messageId: 'invalidValue' },
      ],
    },
  ],
});

test('messages suggest the intended field and explain the value', () => {
  const path = `${FIXTURES}/fail-deployment.yaml`;
  const messages = findingsOf(schemaInvalidField, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => `${finding.location.startLine} ${finding.message}`);
  const expected = [
    '10 `securityContext` is not a field of `spec`: the API server rejects it or silently drops it. `securityContext` belongs under `template.spec`.',
    '19 `spec.template.spec.containers[0].imagePullPolicy` must be one of `Always`, `IfNotPresent`, `Never`',
    '20 `readOnlyRootFilesystem` is not a field of `spec.template.spec.containers[0]`: the API server rejects it or silently drops it. `readOnlyRootFilesystem` belongs under `securityContext`.',
    '22 `runAsNonroot` is not a field of `spec.template.spec.containers[0].securityContext`: the API server rejects it or silently drops it. Did you mean `runAsNonRoot`?',
    '24 `livenesProbe` is not a field of `spec.template.spec.containers[0]`: the API server rejects it or silently drops it. Did you mean `livenessProbe`?',
    '27 `spec.template.spec.containers[0].ports[0].containerPort` must be an integer, not a string',
    '30 `spec.template.spec.containers[0].env[0].value` must be a string, not an integer (quote it);',
    '33 `spec.template.spec.containers[0].resources.limits.memory` is not a valid quantity',
  ];
  for (const prefix of expected) assert.ok(messages.some((message) => message.startsWith(prefix)), `no message starting with: ${prefix}\n${messages.join('\n')}`);
});
