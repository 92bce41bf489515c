import assert from 'node:assert/strict';
import test from 'node:test';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { ecrRepositoryOfImage, modelImageRepositories } from './model-image-repos.js';

test('ecrRepositoryOfImage reads the repository path of an ECR image only', () => {
  assert.equal(ecrRepositoryOfImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/scorer:1.4'), 'team/scorer');
  assert.equal(ecrRepositoryOfImage('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/scorer@sha256:abc'), 'scorer');
  assert.equal(ecrRepositoryOfImage('docker.io/vllm/vllm-openai:v0.8.5'), undefined);
});

test('repositories of SageMaker images (reference, URI) and of Kubernetes model servers; other repositories stay out', () => {
  const { model: terraform } = evaluateSources({
    'main.tf': `
resource "aws_ecr_repository" "scorer" { name = "scorer" }
resource "aws_ecr_repository" "ranker" { name = "ranker" }
resource "aws_ecr_repository" "vllm" { name = "vllm/vllm-openai" }
resource "aws_ecr_repository" "web" { name = "web" }
resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container { image = "\${aws_ecr_repository.scorer.repository_url}:1" }
  container { image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:2" }
}
`,
  });
  const kubernetes = adaptKubernetes(
    loadYamlStream(
      new SourceFile(
        'llm.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata: { name: llm, namespace: serving }\nspec:\n  containers:\n    - name: vllm\n      image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/vllm/vllm-openai:v0.8.5\n    - name: web\n      image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1\n',
      ),
    ),
  ).model;
  const found = modelImageRepositories(terraform, kubernetes).map((entry) => [entry.repository.address, entry.uses.map((use) => use.description)]);
  assert.deepEqual(found, [
    ['aws_ecr_repository.ranker', ["SageMaker model 'aws_sagemaker_model.scorer'"]],
    ['aws_ecr_repository.scorer', ["SageMaker model 'aws_sagemaker_model.scorer'"]],
    ['aws_ecr_repository.vllm', ["vllm container 'vllm' of Pod serving/llm"]],
  ]);
});
