import { ruleTester } from '../../testing/rule-tester.js';
import { distributedInferencePortsExposed } from './distributed-inference-ports-exposed.js';

ruleTester(distributedInferencePortsExposed, {
  fixtures: 'src/rules/ml/__fixtures__/distributed-inference-ports-exposed',
  valid: [
    {
      name: 'single-node vLLM behind a load balancer, two-node vLLM isolated by its NetworkPolicy, a namespace whose policies are not scanned, TGI shards on localhost, no parallelism',
      file: 'pass-isolated-or-single-node.yaml',
    },
  ],
  invalid: [
    {
      name: 'a ClusterIP Service on the vLLM master port, a public LoadBalancer on the data-parallel RPC port, a NodePort on a TGI master bound to 0.0.0.0, a Ray-backend vLLM on the host network',
      file: 'fail-published-or-host-network.yaml',
      errors: [
        { line: 27, messageId: 'portPublished', severity: 'high' },
        { line: 71, messageId: 'portExposed', severity: 'critical' },
        { line: 127, messageId: 'portExposed', severity: 'high' },
        { line: 142, messageId: 'hostNetwork', severity: 'high' },
      ],
    },
    {
      name: "a LeaderWorkerSet: the leader's Service publishes the data-parallel RPC port; the workers use the host network",
      file: 'fail-leader-worker-set.yaml',
      errors: [
        { line: 33, messageId: 'portPublished', severity: 'high' },
        { line: 42, messageId: 'hostNetwork', severity: 'high' },
      ],
    },
    {
      name: 'the namespace has NetworkPolicies: none selects the SGLang pods; the one selecting the vLLM prefill pods admits everyone',
      file: 'fail-network-policy.yaml',
      errors: [
        { line: 44, messageId: 'ingressNotRestricted' },
        { line: 67, messageId: 'ingressNotRestricted' },
      ],
    },
  ],
});
