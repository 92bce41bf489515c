import { ruleTester } from '../../testing/rule-tester.js';
import { ssrfReachesMetadataCredentials } from './ssrf-reaches-metadata-credentials.js';

ruleTester(ssrfReachesMetadataCredentials, {
  fixtures: 'src/rules/graph/__fixtures__/ssrf-reaches-metadata-credentials',
  valid: [
    {
      name: 'vLLM without a media allowlist and open egress, but no node evidence (an IRSA role comes from a token file; no identity; a GKE service account wants a header a media fetch does not send)',
      file: 'pass-vllm-without-node-evidence.yaml',
    },
    {
      name: 'TorchServe as a GKE service account: metadata carved out of egress, policies not in the files, a templated CIDR, management on loopback, the model API off, anchored allowed_urls',
      file: 'pass-torchserve.yaml',
    },
    { name: 'vLLM on IMDSv1 nodes, but its egress policy leaves out 169.254.169.254/32', file: 'pass-vllm-imdsv1-egress-blocked' },
    { name: 'TorchServe and vLLM on nodes that require IMDSv2 with a hop limit of 1', file: 'pass-nodes-hardened' },
    { name: 'one node group answers IMDSv1, the other has no launch template in the scan: where the pod runs is unknown', file: 'pass-nodes-unknown' },
    { name: 'TorchServe as a GKE service account, metadata carved out of egress, on a Dataplane V2 cluster that enforces it', file: 'pass-cluster-enforced' },
  ],
  invalid: [
    {
      name: 'TorchServe registers archives from any URL, egress allows 0.0.0.0/0, the ServiceAccount is a GKE Workload Identity service account',
      file: 'fail-torchserve-gke.yaml',
      errors: [{ line: 25, messageId: 'code', severity: 'high' }],
    },
    {
      name: 'multimodal vLLM without --allowed-media-domains (and one following redirects from its allowlist), an IRSA ServiceAccount, no egress policy, node group answering IMDSv1',
      file: 'fail-vllm-imdsv1',
      errors: [
        { file: 'serving.yaml', line: 29, messageId: 'request', severity: 'high' },
        { file: 'serving.yaml', line: 44, messageId: 'request', severity: 'high' },
      ],
    },
    {
      name: 'node group with IMDSv2 tokens sent two hops: TorchServe (code) reaches the node role from a pod without identity, vLLM (a plain GET) does not',
      file: 'fail-hop-limit',
      errors: [{ file: 'serving.yaml', line: 13, messageId: 'code', severity: 'high' }],
    },
    {
      name: 'TorchServe as a GKE service account, metadata carved out of egress, but the GKE cluster (legacy datapath, no network_policy) does not enforce NetworkPolicies',
      file: 'fail-cluster-not-enforced',
      errors: [{ file: 'serving.yaml', line: 23, messageId: 'code', severity: 'high' }],
    },
  ],
});
