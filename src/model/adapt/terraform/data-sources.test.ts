import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOf } from './test-helpers.js';
import { evaluateSources } from './test-helpers.js';

const MAIN = `
data "aws_iam_policy_document" "invoke" {
  statement {
    actions   = ["sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpointAsync"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.models.arn}/*"]
  }
}

resource "aws_s3_bucket" "models" {
  bucket = "models"
}

resource "aws_iam_policy" "invoke" {
  policy = data.aws_iam_policy_document.invoke.json
}

resource "aws_iam_policy" "bucket" {
  policy = data.aws_iam_policy_document.bucket.minified_json
}
`;

const { model } = evaluateSources({ 'main.tf': MAIN });

test('data.aws_iam_policy_document.x.json is the JSON the provider renders, and still points at the data source', () => {
  const policy = model.byAddress('aws_iam_policy.invoke')?.root.get('policy');
  assert.ok(policy);
  assert.equal(policy.value, '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "sagemaker:InvokeEndpointAsync",\n        "sagemaker:InvokeEndpoint"\n      ],\n      "Resource": "*"\n    }\n  ]\n}');
  assert.deepEqual(policy.references(), [{ address: 'data.aws_iam_policy_document.invoke', attribute: ['json'] }]);
  assert.equal(lineOf(policy.doc.file, policy.doc.spans.get('/policy')?.start), 21);
});

test('the data source itself holds json and minified_json, as in a plan', () => {
  const root = model.byAddress('data.aws_iam_policy_document.invoke')?.root;
  assert.equal(typeof root?.get('json').value, 'string');
  assert.equal(root?.get('minified_json').value, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sagemaker:InvokeEndpointAsync","sagemaker:InvokeEndpoint"],"Resource":"*"}]}');
});

test('a document that needs a computed value stays unknown', () => {
  const policy = model.byAddress('aws_iam_policy.bucket')?.root.get('policy');
  assert.equal(policy?.state, 'unknown');
  assert.deepEqual(policy?.references(), [{ address: 'data.aws_iam_policy_document.bucket', attribute: ['minified_json'] }]);
  assert.equal(model.byAddress('data.aws_iam_policy_document.bucket')?.root.get('json').exists, false);
});
