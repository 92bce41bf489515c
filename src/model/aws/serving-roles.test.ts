import assert from 'node:assert/strict';
import test from 'node:test';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { servingRoles } from './serving-roles.js';

const trust = (sub: string, operator = 'StringEquals'): string =>
  `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EX" }, Condition = { ${operator} = { "oidc.eks.eu-west-1.amazonaws.com/id/EX:sub" = "${sub}" } } }] })`;

const terraform = `
resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = "{}"
}
resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.scorer.arn
}
resource "aws_iam_role" "llm" {
  name               = "llm-serving"
  assume_role_policy = "{}"
}
resource "aws_iam_role" "ranker" {
  name               = "ranker"
  assume_role_policy = "{}"
}
resource "aws_eks_pod_identity_association" "ranker" {
  cluster_name    = "c"
  namespace       = "serving"
  service_account = "ranker"
  role_arn        = aws_iam_role.ranker.arn
}
resource "aws_eks_pod_identity_association" "elsewhere" {
  cluster_name    = "c"
  namespace       = "batch"
  service_account = "ranker"
  role_arn        = aws_iam_role.scorer.arn
}
resource "aws_iam_role" "exact" {
  name               = "exact"
  assume_role_policy = ${trust('system:serviceaccount:serving:default')}
}
resource "aws_iam_role" "wild" {
  name               = "wild"
  assume_role_policy = ${trust('system:serviceaccount:serving:rank?r', 'StringLike')}
}
resource "aws_iam_role" "literal_star" {
  name               = "literal-star"
  assume_role_policy = ${trust('system:serviceaccount:serving:*')}
}
resource "aws_iam_role" "batch" {
  name               = "batch"
  assume_role_policy = "{}"
}
`;

const yaml = `
apiVersion: v1
kind: ServiceAccount
metadata:
  name: llm
  namespace: serving
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/team/llm-serving
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: batch
  namespace: serving
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/batch
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: llm, namespace: serving }
spec:
  template:
    spec:
      serviceAccountName: llm
      containers: [{ name: vllm, image: "vllm/vllm-openai:v0.8.5" }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: ranker, namespace: serving }
spec:
  template:
    spec:
      serviceAccountName: ranker
      containers: [{ name: triton, image: "nvcr.io/nvidia/tritonserver:25.01-py3" }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: tgi, namespace: serving }
spec:
  template:
    spec:
      containers: [{ name: tgi, image: "ghcr.io/huggingface/text-generation-inference:3.0.1" }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: cleanup, namespace: serving }
spec:
  template:
    spec:
      serviceAccountName: batch
      containers: [{ name: aws, image: "public.ecr.aws/aws-cli/aws-cli:2.22.0" }]
`;

test('serving roles: SageMaker execution role, IRSA annotation, Pod Identity association, trust-policy subjects of model ServiceAccounts', () => {
  const { model: tf } = evaluateSources({ 'main.tf': terraform });
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('serving.yaml', yaml)));
  const links = servingRoles(tf, model).map((serving) => `${serving.link} ${serving.role.address}: ${serving.servedAs}`);
  assert.deepEqual(links, [
    "sagemaker aws_iam_role.scorer: the execution role of SageMaker model 'aws_sagemaker_model.scorer'",
    "irsa aws_iam_role.llm: the IRSA role of ServiceAccount 'serving/llm' (vLLM in Deployment 'llm')",
    "pod-identity aws_iam_role.ranker: the EKS Pod Identity role of ServiceAccount 'serving/ranker' (NVIDIA Triton Inference Server in Deployment 'ranker')",
    "irsa-trust aws_iam_role.exact: whose trust policy lets ServiceAccount 'serving/default' (Hugging Face Text Generation Inference in StatefulSet 'tgi') assume it through `system:serviceaccount:serving:default`",
    "irsa-trust aws_iam_role.wild: whose trust policy lets ServiceAccount 'serving/ranker' (NVIDIA Triton Inference Server in Deployment 'ranker') assume it through `system:serviceaccount:serving:rank?r`",
  ]);
});

test('serving roles: no Kubernetes model servers, only SageMaker links', () => {
  const { model: tf } = evaluateSources({ 'main.tf': terraform });
  const { model } = adaptKubernetes([]);
  assert.deepEqual(servingRoles(tf, model).map((serving) => serving.link), ['sagemaker']);
});

test('model artifacts: SageMaker URIs and Kubernetes s3:// model locations; a statement reaches an object or a prefix through its resource patterns', async () => {
  const { modelArtifacts, statementReaches } = await import('./model-artifacts.js');
  const { model: tf } = evaluateSources({
    'main.tf': `resource "aws_sagemaker_model" "scorer" {
  name = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container { model_data_url = "s3://models/scorer/model.tar.gz" }
}
`,
  });
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('serving.yaml', 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: { name: iris }\nspec:\n  predictor:\n    model:\n      modelFormat: { name: sklearn }\n      storageUri: s3://models/iris\n')));
  const artifacts = modelArtifacts(tf, model);
  assert.deepEqual(artifacts.map((artifact) => [artifact.label, artifact.arn]), [
    ['aws_sagemaker_model.scorer', 'arn:aws:s3:::models/scorer/model.tar.gz'],
    ["InferenceService 'iris'", 'arn:aws:s3:::models/iris'],
  ]);
  const statement = (resources: string[], notResources: string[] = []) => ({ node: artifacts[0]!.at, resources: resources.map((value) => ({ state: 'set' as const, value, node: artifacts[0]!.at })), notResources: notResources.map((value) => ({ state: 'set' as const, value, node: artifacts[0]!.at })) }) as unknown as Parameters<typeof statementReaches>[0];
  const [scorer, iris] = artifacts as [typeof artifacts[0], typeof artifacts[0]];
  assert.equal(statementReaches(statement(['arn:aws:s3:::models/*']), scorer), true);
  assert.equal(statementReaches(statement(['arn:aws:s3:::models/iris/*']), iris), true, 'a prefix: objects under it');
  assert.equal(statementReaches(statement(['arn:aws:s3:::models/iris/*']), scorer), false);
  assert.equal(statementReaches(statement(['arn:aws:s3:::Models/*']), scorer), false, 'case-sensitive');
  assert.equal(statementReaches(statement([], ['arn:aws:s3:::models/scorer/*']), scorer), false);
  assert.equal(statementReaches(statement([], ['arn:aws:s3:::logs/*']), scorer), true);
});
