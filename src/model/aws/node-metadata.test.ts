import assert from 'node:assert/strict';
import test from 'node:test';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { eksNodeMetadata } from './node-metadata.js';

const template = (name: string, options: string): string => `
resource "aws_launch_template" "${name}" {
  name = "${name}"
  ${options === '' ? '' : `metadata_options {\n    ${options}\n  }`}
}
resource "aws_eks_node_group" "${name}" {
  cluster_name  = "c"
  node_role_arn = aws_iam_role.nodes.arn
  subnet_ids    = ["subnet-1"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
  launch_template {
    id      = aws_launch_template.${name}.id
    version = "$Latest"
  }
}
`;
const role = 'resource "aws_iam_role" "nodes" {\n  name               = "nodes"\n  assume_role_policy = "{}"\n}\n';
const noModel = adaptKubernetes([]).model;

function verdicts(hcl: string, yaml = ''): string {
  const { model: terraform } = evaluateSources({ 'main.tf': role + hcl });
  const model = yaml === '' ? noModel : adaptKubernetes(loadYamlStream(new SourceFile('k.yaml', yaml))).model;
  const found = eksNodeMetadata(terraform, model);
  if (!found) return 'no node groups';
  return `plain ${found.plainRequests}, pod ${found.podProcesses}: ${found.groups.map((group) => `${group.nodeGroup.address} ${group.plainRequests}/${group.podProcesses} as ${group.roles.map((item) => item.address).join(',')}`).join('; ')}`;
}

test('IMDS answers per launch template: IMDSv1, IMDSv2 hop limits, the endpoint off, settings left to the AMI', () => {
  assert.equal(verdicts(template('v1', 'http_tokens = "optional"')), 'plain yes, pod yes: aws_eks_node_group.v1 yes/yes as aws_iam_role.nodes');
  assert.equal(verdicts(template('hop2', 'http_tokens = "required"\n    http_put_response_hop_limit = 2')), 'plain no, pod yes: aws_eks_node_group.hop2 no/yes as aws_iam_role.nodes');
  assert.equal(verdicts(template('hop1', 'http_tokens = "required"\n    http_put_response_hop_limit = 1')), 'plain no, pod no: aws_eks_node_group.hop1 no/no as aws_iam_role.nodes');
  assert.equal(verdicts(template('off', 'http_endpoint = "disabled"\n    http_tokens = "optional"')), 'plain no, pod no: aws_eks_node_group.off no/no as aws_iam_role.nodes');
  // Left to the AMI (an IMDSv2 AMI sets required and a hop limit of 2) or the account.
  assert.equal(verdicts(template('required', 'http_tokens = "required"')), 'plain no, pod unknown: aws_eks_node_group.required no/unknown as aws_iam_role.nodes');
  assert.equal(verdicts(template('hops', 'http_put_response_hop_limit = 2')), 'plain unknown, pod yes: aws_eks_node_group.hops unknown/yes as aws_iam_role.nodes');
  assert.equal(verdicts(template('bare', '')), 'plain unknown, pod unknown: aws_eks_node_group.bare unknown/unknown as aws_iam_role.nodes');
  assert.equal(verdicts(''), 'no node groups');
});

test('every place a pod may run must answer: mixed node groups, Fargate, other Auto Scaling groups, Karpenter, another cloud\'s cluster', () => {
  const v1 = template('v1', 'http_tokens = "optional"');
  assert.equal(verdicts(v1 + template('hop1', 'http_tokens = "required"\n    http_put_response_hop_limit = 1')).split(':')[0], 'plain unknown, pod unknown');
  assert.equal(verdicts(`${v1}resource "aws_eks_fargate_profile" "serving" {\n  cluster_name = "c"\n  fargate_profile_name = "serving"\n  pod_execution_role_arn = "arn:aws:iam::123456789012:role/fargate"\n  subnet_ids = ["subnet-1"]\n  selector {\n    namespace = "serving"\n  }\n}\n`).split(':')[0], 'plain unknown, pod unknown');
  assert.equal(verdicts(`${v1}resource "aws_autoscaling_group" "workers" {\n  max_size = 1\n  min_size = 1\n}\n`).split(':')[0], 'plain unknown, pod unknown');
  assert.equal(verdicts(`${v1}resource "google_container_cluster" "gke" {\n  name = "gke"\n}\n`).split(':')[0], 'plain unknown, pod unknown');
  assert.equal(verdicts(v1, 'apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata: { name: default }\nspec: { amiSelectorTerms: [{ alias: al2023@latest }] }\n').split(':')[0], 'plain unknown, pod unknown');
});

test('a launch template named by a literal is looked up in the node group\'s own configuration, not in another root with a template of that name', () => {
  const group = (imds: string): string => `${role}
resource "aws_launch_template" "nodes" {
  name = "nodes"
  metadata_options {
    ${imds}
  }
}
resource "aws_eks_node_group" "nodes" {
  cluster_name  = "c"
  node_role_arn = aws_iam_role.nodes.arn
  subnet_ids    = ["subnet-1"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
  launch_template {
    name    = "nodes"
    version = "$Latest"
  }
}
`;
  const { model: terraform } = evaluateSources({ 'prod/main.tf': group('http_tokens = "optional"'), 'staging/main.tf': group('http_tokens = "required"\n    http_put_response_hop_limit = 1') });
  const found = eksNodeMetadata(terraform, noModel);
  assert.ok(found);
  // Each group reads its own template: prod answers plain requests (IMDSv1), staging does not.
  assert.deepEqual(found.groups.map((item) => `${item.nodeGroup.rootDir ?? ''} ${item.plainRequests}/${item.podProcesses}`).sort(), ['prod yes/yes', 'staging no/no']);
});
