import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateSources, lineOf } from '../adapt/terraform/test-helpers.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { Node } from '../value.js';
import { referencedInstances } from './roles.js';
import { policiesOf } from './policy-sources.js';

const config = `resource "aws_s3_bucket" "models" {
  bucket_prefix = "models-"
}

resource "aws_iam_role_policy" "computed" {
  role = "scorer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "\${aws_s3_bucket.models.arn}/*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
    ]
  })
}

resource "aws_iam_role_policy" "known" {
  role   = "scorer"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:DeleteObject", Resource = "*" }] })
}
`;

const line = (node: Node): number => lineOf(node.doc.file, node.doc.spans.get(pointerOf(node.path))?.start);

test('jsonencode() policies are read from the structure they encode: statements at their lines, a computed ARN unknown, the rest known', () => {
  const { model } = evaluateSources({ 'main.tf': config });
  const resolve = (reference: Parameters<typeof referencedInstances>[0]) => referencedInstances(reference, model)[0];
  const computed = model.resources.find((resource) => resource.address === 'aws_iam_role_policy.computed')!;
  assert.equal(computed.root.get('policy').state, 'unknown');
  const [source] = policiesOf(computed, resolve);
  assert.ok(source && source.document !== 'unknown');
  const [first, second] = source.document.statements;
  assert.ok(first && second);
  assert.deepEqual(first.actions.map((entry) => [entry.value, line(entry.node)]), [['s3:GetObject', 10]]);
  assert.deepEqual(first.resources.map((entry) => entry.state), ['unknown']);
  assert.deepEqual(second.resources.map((entry) => [entry.value, line(entry.node)]), [['*', 11]]);
  assert.equal(first.form, 'object');

  const known = model.resources.find((resource) => resource.address === 'aws_iam_role_policy.known')!;
  // The attribute keeps the text Terraform sends; the policy is read from the structure, at its line.
  assert.equal(known.root.get('policy').str(), '{"Statement":[{"Action":"s3:DeleteObject","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}');
  const [knownSource] = policiesOf(known, resolve);
  assert.ok(knownSource && knownSource.document !== 'unknown');
  assert.deepEqual(knownSource.document.statements.map((statement) => [statement.effect, line(statement.effectNode)]), [['Deny', 18]]);
});
