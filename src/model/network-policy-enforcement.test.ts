import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateSources } from './adapt/terraform/test-helpers.js';
import { networkPolicyEnforcement } from './network-policy-enforcement.js';

/** Each cluster as `address state reason`, then the scan-wide state. */
function verdicts(hcl: string): string[] {
  const { model } = evaluateSources({ 'main.tf': hcl });
  const found = networkPolicyEnforcement(model);
  return [...found.clusters.map((cluster) => `${cluster.cluster.address} ${cluster.state} ${cluster.reason}`), `scan ${found.state}`];
}

const gke = (name: string, body = ''): string => `resource "google_container_cluster" "${name}" {\n  name     = "${name}"\n  location = "europe-west4"\n${body}}\n`;
const aks = (name: string, profile: string | undefined): string =>
  `resource "azurerm_kubernetes_cluster" "${name}" {\n  name       = "${name}"\n  dns_prefix = "${name}"\n${profile === undefined ? '' : `  network_profile {\n${profile}  }\n`}}\n`;
const eks = (name: string): string => `resource "aws_eks_cluster" "${name}" {\n  name     = "${name}"\n  role_arn = "arn:aws:iam::123456789012:role/eks"\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n}\n`;
const vpcCni = (cluster: string, values: string): string => `resource "aws_eks_addon" "vpc_cni" {\n  cluster_name         = ${cluster}\n  addon_name           = "vpc-cni"\n  configuration_values = ${values}\n}\n`;

test('GKE: Autopilot and Dataplane V2 enforce; Calico needs the policy and its add-on; the legacy default does not', () => {
  assert.deepEqual(verdicts(gke('autopilot', '  enable_autopilot = true\n')), ['google_container_cluster.autopilot enforced gke-autopilot', 'scan enforced']);
  assert.deepEqual(verdicts(gke('dpv2', '  datapath_provider = "ADVANCED_DATAPATH"\n')), ['google_container_cluster.dpv2 enforced gke-dataplane-v2', 'scan enforced']);
  assert.deepEqual(verdicts(gke('calico', '  network_policy {\n    enabled  = true\n    provider = "CALICO"\n  }\n  addons_config {\n    network_policy_config {\n      disabled = false\n    }\n  }\n')), [
    'google_container_cluster.calico enforced gke-network-policy',
    'scan enforced',
  ]);
  assert.deepEqual(verdicts(gke('legacy')), ['google_container_cluster.legacy not-enforced gke-legacy-datapath', 'scan not-enforced']);
  assert.deepEqual(verdicts(gke('off', '  datapath_provider = "LEGACY_DATAPATH"\n  network_policy {\n    enabled = false\n  }\n')), ['google_container_cluster.off not-enforced gke-policy-disabled', 'scan not-enforced']);
  assert.deepEqual(verdicts(gke('addon_off', '  network_policy {\n    enabled = true\n  }\n  addons_config {\n    network_policy_config {\n      disabled = true\n    }\n  }\n')), [
    'google_container_cluster.addon_off not-enforced gke-addon-disabled',
    'scan not-enforced',
  ]);
  // The provider says the add-on defaults to disabled; GKE is said to add it at creation: unknown.
  assert.deepEqual(verdicts(gke('no_addon', '  network_policy {\n    enabled = true\n  }\n')), ['google_container_cluster.no_addon unknown undecided', 'scan unknown']);
  assert.deepEqual(verdicts(`variable "autopilot" {\n  type = bool\n}\n${gke('caller', '  enable_autopilot = var.autopilot\n')}`), ['google_container_cluster.caller unknown undecided', 'scan unknown']);
  assert.deepEqual(verdicts(`variable "datapath" {\n  type = string\n}\n${gke('caller', '  datapath_provider = var.datapath\n')}`), ['google_container_cluster.caller unknown undecided', 'scan unknown']);
});

test('AKS: a policy engine or the Cilium dataplane enforces; no profile, no policy or none does not', () => {
  assert.deepEqual(verdicts(aks('kubenet', undefined)), ['azurerm_kubernetes_cluster.kubenet not-enforced aks-no-profile', 'scan not-enforced']);
  assert.deepEqual(verdicts(aks('cni', '    network_plugin = "azure"\n')), ['azurerm_kubernetes_cluster.cni not-enforced aks-policy-not-set', 'scan not-enforced']);
  assert.deepEqual(verdicts(aks('none', '    network_plugin = "azure"\n    network_policy = "none"\n')), ['azurerm_kubernetes_cluster.none not-enforced aks-policy-none', 'scan not-enforced']);
  // Bring-your-own CNI: Cilium or Calico installed outside the scan may enforce.
  assert.deepEqual(verdicts(aks('byo', '    network_plugin = "none"\n')), ['azurerm_kubernetes_cluster.byo unknown undecided', 'scan unknown']);
  assert.deepEqual(verdicts(aks('byo', '    network_plugin = "none"\n    network_policy = "none"\n')), ['azurerm_kubernetes_cluster.byo unknown undecided', 'scan unknown']);
  for (const engine of ['azure', 'calico', 'Cilium']) {
    assert.deepEqual(verdicts(aks('engine', `    network_plugin = "azure"\n    network_policy = "${engine}"\n`)), ['azurerm_kubernetes_cluster.engine enforced aks-policy-engine', 'scan enforced'], engine);
  }
  assert.deepEqual(verdicts(aks('cilium', '    network_plugin = "azure"\n    network_data_plane = "cilium"\n')), ['azurerm_kubernetes_cluster.cilium enforced aks-cilium-dataplane', 'scan enforced']);
  assert.deepEqual(verdicts(`variable "policy" {\n  type = string\n}\n${aks('caller', '    network_plugin = "azure"\n    network_policy = var.policy\n')}`), ['azurerm_kubernetes_cluster.caller unknown undecided', 'scan unknown']);
});

test('EKS: enforced only with the vpc-cni add-on\'s enableNetworkPolicy "true" (jsonencode or JSON text), on EC2 Linux nodes; never "not enforced"', () => {
  assert.deepEqual(verdicts(eks('serving')), ['aws_eks_cluster.serving unknown undecided', 'scan unknown']);
  const enabled = vpcCni('aws_eks_cluster.serving.name', 'jsonencode({ enableNetworkPolicy = "true" })');
  assert.deepEqual(verdicts(eks('serving') + enabled), ['aws_eks_cluster.serving enforced eks-vpc-cni-network-policy', 'scan enforced']);
  assert.deepEqual(verdicts(eks('serving') + vpcCni('"serving"', '"{\\"enableNetworkPolicy\\": \\"true\\"}"')), ['aws_eks_cluster.serving enforced eks-vpc-cni-network-policy', 'scan enforced'], 'by name, JSON text');
  assert.deepEqual(verdicts(eks('serving') + vpcCni('aws_eks_cluster.serving.id', 'jsonencode({ enableNetworkPolicy = "false" })')), ['aws_eks_cluster.serving unknown undecided', 'scan unknown'], 'Calico may still be installed');
  // AWS documents the value as the string "true".
  assert.deepEqual(verdicts(eks('serving') + vpcCni('aws_eks_cluster.serving.id', 'jsonencode({ enableNetworkPolicy = true })')), ['aws_eks_cluster.serving unknown undecided', 'scan unknown']);
  assert.deepEqual(verdicts(eks('serving') + vpcCni('"another"', 'jsonencode({ enableNetworkPolicy = "true" })')), ['aws_eks_cluster.serving unknown undecided', 'scan unknown'], 'the add-on of another cluster');
  const fargate = 'resource "aws_eks_fargate_profile" "serving" {\n  cluster_name           = aws_eks_cluster.serving.name\n  fargate_profile_name   = "serving"\n  pod_execution_role_arn = "arn:aws:iam::123456789012:role/fargate"\n}\n';
  assert.deepEqual(verdicts(eks('serving') + enabled + fargate), ['aws_eks_cluster.serving unknown undecided', 'scan unknown'], 'Fargate pods are not governed');
});

test('one cluster decides for the scan; clusters that disagree, one the scan only reads, or none leave it unknown', () => {
  assert.deepEqual(verdicts(gke('a') + gke('b', '  network_policy {\n    enabled = false\n  }\n')), [
    'google_container_cluster.a not-enforced gke-legacy-datapath',
    'google_container_cluster.b not-enforced gke-policy-disabled',
    'scan not-enforced',
  ]);
  assert.deepEqual(verdicts(gke('a') + gke('b', '  datapath_provider = "ADVANCED_DATAPATH"\n')), [
    'google_container_cluster.a not-enforced gke-legacy-datapath',
    'google_container_cluster.b enforced gke-dataplane-v2',
    'scan unknown',
  ]);
  assert.deepEqual(verdicts(gke('a') + aks('b', undefined)), ['azurerm_kubernetes_cluster.b not-enforced aks-no-profile', 'google_container_cluster.a not-enforced gke-legacy-datapath', 'scan not-enforced']);
  assert.deepEqual(verdicts(gke('a') + eks('b')), ['aws_eks_cluster.b unknown undecided', 'google_container_cluster.a not-enforced gke-legacy-datapath', 'scan unknown']);
  // The same cluster read back for a provider is that cluster; another cluster read by name is not in the scan.
  assert.deepEqual(verdicts(`${gke('a')}data "google_container_cluster" "a" {\n  name     = google_container_cluster.a.name\n  location = "europe-west4"\n}\n`), ['google_container_cluster.a not-enforced gke-legacy-datapath', 'scan not-enforced']);
  assert.deepEqual(verdicts(`${gke('a')}data "google_container_cluster" "shared" {\n  name     = "shared"\n  location = "europe-west4"\n}\n`), [
    'google_container_cluster.a not-enforced gke-legacy-datapath',
    'data.google_container_cluster.shared unknown undecided',
    'scan unknown',
  ]);
  // Another provider's cluster, or a module that may create one but was not opened: the manifests may be theirs.
  assert.deepEqual(verdicts(`${gke('a')}resource "coreweave_cks_cluster" "k8s" {\n  name = "k8s"\n}\n`), ['google_container_cluster.a not-enforced gke-legacy-datapath', 'coreweave_cks_cluster.k8s unknown undecided', 'scan unknown']);
  const { model } = evaluateSources({ 'main.tf': `${gke('a')}module "eks" {\n  source  = "terraform-aws-modules/eks/aws"\n  version = "~> 20.0"\n}\nmodule "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n` });
  const found = networkPolicyEnforcement(model);
  assert.equal(found.state, 'unknown');
  assert.deepEqual(found.unexpanded, ['module.eks: module "terraform-aws-modules/eks/aws"']);
  // Kubernetes objects in Terraform, an ML compute cluster or a node pool are not clusters.
  assert.deepEqual(verdicts(`${gke('a')}resource "kubernetes_cluster_role_binding" "b" {\n}\nresource "azurerm_machine_learning_compute_cluster" "c" {\n  name = "c"\n}\n`), ['google_container_cluster.a not-enforced gke-legacy-datapath', 'scan not-enforced']);
  assert.deepEqual(verdicts('resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'), ['scan unknown']);
});
