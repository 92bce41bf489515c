import assert from 'node:assert/strict';
import test from 'node:test';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { bucketOfS3Uri, bucketParts, describeModelBucketUse, modelBuckets } from './model-buckets.js';

test('bucketOfS3Uri reads the bucket of an s3:// URI only', () => {
  assert.equal(bucketOfS3Uri('s3://acme-models/scorer/model.tar.gz'), 'acme-models');
  assert.equal(bucketOfS3Uri('s3://acme-models'), 'acme-models');
  assert.equal(bucketOfS3Uri('gs://acme-models/x'), undefined);
  assert.equal(bucketOfS3Uri('s3://'), undefined);
});

const config = `
variable "unknown_name" { type = string }
variable "unknown_uri" { type = string }

resource "aws_s3_bucket" "models" { bucket = "acme-models" }
resource "aws_s3_bucket" "capture" { bucket = "acme-capture" }
resource "aws_s3_bucket" "async" { bucket_prefix = "async-" }
resource "aws_s3_bucket" "staged" { bucket = var.unknown_name }
resource "aws_s3_bucket" "logs" { bucket = "acme-logs" }
resource "aws_s3_bucket" "unrelated" { bucket = var.unknown_name }

resource "aws_s3_object" "weights" {
  bucket = aws_s3_bucket.staged.id
  key    = "ranker/model.tar.gz"
  source = "model.tar.gz"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "ranker" {
  name               = "ranker"
  execution_role_arn = "arn:aws:iam::123456789012:role/ranker"
  container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:1"
    model_data_source {
      s3_data_source {
        s3_uri           = "s3://\${aws_s3_object.weights.bucket}/\${aws_s3_object.weights.key}"
        s3_data_type     = "S3Object"
        compression_type = "Gzip"
      }
    }
  }
}

resource "aws_sagemaker_model" "opaque" {
  name               = "opaque"
  execution_role_arn = "arn:aws:iam::123456789012:role/opaque"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/opaque:1"
    model_data_url = var.unknown_uri
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://\${aws_s3_bucket.capture.bucket}/capture"
    capture_options { capture_mode = "Input" }
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://\${aws_s3_bucket.async.id}/out"
    }
  }
}

resource "aws_sagemaker_endpoint" "scorer" {
  name                 = "scorer"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scorer.name
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "acme-models"
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_versioning" "other" {
  bucket = "acme-logs"
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_versioning" "unknown" {
  bucket = var.unknown_name
  versioning_configuration { status = "Enabled" }
}
`;

test('model buckets: by literal URI, by reference, through an S3 object; live when an endpoint serves them', () => {
  const { model: terraform } = evaluateSources({ 'main.tf': config });
  const found = modelBuckets(terraform, adaptKubernetes([]).model).map((entry) => ({
    bucket: entry.bucket.address,
    live: entry.live,
    links: entry.links.map((link) => `${link.use} ${'address' in link.resource ? link.resource.address : ''}`),
  }));
  assert.deepEqual(found, [
    { bucket: 'aws_s3_bucket.async', live: true, links: ['async-output aws_sagemaker_endpoint_configuration.scorer'] },
    { bucket: 'aws_s3_bucket.capture', live: true, links: ['data-capture aws_sagemaker_endpoint_configuration.scorer'] },
    { bucket: 'aws_s3_bucket.models', live: true, links: ['model-artifacts aws_sagemaker_model.scorer'] },
    { bucket: 'aws_s3_bucket.staged', live: false, links: ['model-artifacts aws_sagemaker_model.ranker'] },
  ]);
});

const serving = `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: iris, namespace: serving }
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: s3://acme-logs/iris
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  template:
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.01-py3
          args: ["tritonserver", "--model-repository=s3://acme-logs/triton"]
        - name: sidecar
          image: busybox:1.36
          args: ["s3://acme-models/not-a-model-source"]
`;

test('model buckets: Kubernetes model servers load from them (storageUri, a server flag written name=value)', () => {
  const { model: terraform } = evaluateSources({ 'main.tf': config });
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('serving.yaml', serving)));
  const entry = modelBuckets(terraform, model).find((candidate) => candidate.bucket.address === 'aws_s3_bucket.logs');
  assert.ok(entry);
  assert.equal(entry.live, true);
  assert.deepEqual(
    entry.links.map((link) => [link.use, 'kind' in link.resource ? `${link.resource.kind}/${link.resource.name ?? ''}` : '', link.text ?? link.node.str()]),
    [
      ['model-artifacts', 'InferenceService/iris', 's3://acme-logs/iris'],
      ['model-artifacts', 'Deployment/triton', 's3://acme-logs/triton'],
    ],
  );
  assert.equal(describeModelBucketUse(entry), "the model artifacts of InferenceService 'iris' (and 1 more)");
});

test('bucket parts attach by reference or by known name; unknown names never attach', () => {
  const { model: terraform } = evaluateSources({ 'main.tf': config });
  const parts = (address: string) => bucketParts(terraform, terraform.byAddress(address)!, 'aws_s3_bucket_versioning').map((part) => part.address);
  assert.deepEqual(parts('aws_s3_bucket.models'), ['aws_s3_bucket_versioning.by_name', 'aws_s3_bucket_versioning.models']);
  assert.deepEqual(parts('aws_s3_bucket.logs'), ['aws_s3_bucket_versioning.other']);
  assert.deepEqual(parts('aws_s3_bucket.unrelated'), []);
  assert.deepEqual(parts('aws_s3_bucket.async'), []);
});

test('a bucket part references its bucket within its own root: another root\'s bucket at the same address is not its bucket', () => {
  const root = (name: string, block: string): string => `
resource "aws_s3_bucket" "models" { bucket = "${name}" }
${block}`;
  const { model: terraform } = evaluateSources({
    'prod/main.tf': root('acme-prod-models', ''),
    'staging/main.tf': root('acme-staging-models', 'resource "aws_s3_bucket_public_access_block" "models" {\n  bucket            = aws_s3_bucket.models.id\n  block_public_acls = false\n}'),
  });
  const [prod, staging] = ['prod', 'staging'].map((dir) => terraform.byType('tf:aws_s3_bucket').find((bucket) => bucket.rootDir === dir));
  assert.ok(prod && staging);
  assert.deepEqual(bucketParts(terraform, staging, 'aws_s3_bucket_public_access_block').map((part) => part.rootDir), ['staging']);
  assert.deepEqual(bucketParts(terraform, prod, 'aws_s3_bucket_public_access_block'), []);
});
