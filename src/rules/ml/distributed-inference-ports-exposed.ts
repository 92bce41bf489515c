import { unauthenticatedPaths } from '../../model/auth-front.js';
import { distributedInferenceOf } from '../../model/ml/distributed.js';
import type { DistributedInference, DistributedPort } from '../../model/ml/distributed.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { exposureFindingPlace, exposureHops, worstPath } from '../../model/ml/ray.js';
import { ingressIsolation } from '../../model/network-policies.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import { defineRule } from '../define-rule.js';

/** `container 'vllm' (vLLM, --data-parallel-address=vllm-0.vllm)`. */
function subject(container: ContainerRef, distributed: DistributedInference): string {
  return `container '${container.name || '(unnamed)'}' (${distributed.server.info.title}, ${distributed.signal.description})`;
}

function portText(port: DistributedPort): string {
  return `${port.label} port ${port.number}${port.setting ? ` (${port.setting.description})` : ''}`;
}

export const distributedInferencePortsExposed = defineRule({
  meta: {
    id: 'IG-ML-027',
    name: 'distributed-inference-ports-exposed',
    title: 'Distributed-inference control ports reachable beyond the replica set',
    severity: 'high',
    rationale:
      "A model served across pods (vLLM with `--nnodes`, multi-node data parallelism or a Ray backend, prefill / decode disaggregation with KV-cache transfer; TGI shards whose master address leaves loopback; SGLang with `--nnodes` / `--dist-init-addr`) coordinates over torch.distributed (TCPStore), ZeroMQ and KV-transfer channels that have no authentication and no encryption, and several of them deserialize pickle: vLLM's V0 multi-node ZeroMQ broadcast (CVE-2025-30165, remote code execution on the secondary nodes), its Mooncake KV pipe (CVE-2025-32444, fixed in 0.8.5) and its XPUB socket on all interfaces (CVE-2025-30202). vLLM's security guide says all inter-node communication is insecure by default and must be confined to an isolated network; PyTorch's says torch.distributed is not built for untrusted networks. Whoever reaches these ports can inject tensors and commands into the engine, read prompts and KV cache, run code on the GPU nodes, or stall the model.\n\nThe rule reports a multi-node server when one of its peer ports (torch.distributed master 29500 / 29501, vLLM's data-parallel RPC 29550, KV transfer 14579, SGLang's `--dist-init-addr` port and disaggregation bootstrap 8998, or the ports its flags set) is published by a Service (critical when it is internet-facing); when the pod uses `hostNetwork` (every port, the random NCCL and ZeroMQ ones included, listens on the node); or, when the namespace's NetworkPolicies are in the scan, when none of them restricts ingress to these pods. A namespace whose policies are not in the scan is left to IG-K8S-125. A LeaderWorkerSet's leader and worker templates are read like any other pod template.",
    remediation:
      "Never list the distributed ports in a Service (peers find each other through a headless Service or the LeaderWorkerSet leader address, which needs no ports), drop `hostNetwork` (use an SR-IOV / RDMA CNI for fast interconnects), and give the group a NetworkPolicy that admits these ports only from the pods of the same deployment, e.g. `podSelector` on the group's labels with `ingress: [{from: [{podSelector: {matchLabels: {app: <group>}}}]}]`, plus the inference port from the gateway. Run a dedicated namespace per model group, keep vLLM ≥ 0.8.5 on the V1 engine, and prefer encrypted transports where the connector offers them.",
    references: [
      'https://docs.vllm.ai/en/stable/usage/security/',
      'https://github.com/vllm-project/vllm/security/advisories/GHSA-9pcc-gvx5-r5wm',
      'https://github.com/vllm-project/vllm/security/advisories/GHSA-hj4w-hm2g-p6w5',
      'https://github.com/vllm-project/vllm/security/advisories/GHSA-9f8f-2vmf-885j',
      'https://github.com/pytorch/pytorch/security/policy#using-distributed-features',
      'https://docs.sglang.io/references/multi_node_deployment/multi_node.html',
    ],
    mappings: { stride: ['E', 'T'], atlas: ['AML.T0049', 'AML.T0050'], nist: ['SC-7', 'AC-4', 'SC-8'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:NetworkPolicy'],
    fix: 'none',
    // On `hostNetwork` the finding is the model-pod one (IG-K8S-008) and the baseline one (IG-K8S-108), with the peer ports named.
    supersedes: ['IG-K8S-008', 'IG-K8S-108'],
    messages: {
      portPublished:
        '{{subject}} listens for its peers on the {{port}}, and {{via}} publishes it: these channels have no authentication and deserialize what they receive, so any pod that reaches the Service can inject into the engine or run code on it.',
      portExposed:
        '{{subject}} listens for its peers on the {{port}}, reachable beyond its namespace through {{via}}: these channels have no authentication and deserialize what they receive, so whoever reaches them can inject into the engine or run code on it.',
      hostNetwork:
        "{{subject}} runs on the host network: its peer channels ({{ports}}) and the random NCCL / ZeroMQ ports listen on the node's addresses, with no authentication.",
      ingressNotRestricted: '{{subject}} talks to its peers over unauthenticated channels ({{ports}}) and {{why}}: any pod in the cluster can reach them.',
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: vllm, namespace: llm }
spec:
  serviceName: vllm
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      hostNetwork: true
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          args: [--model, meta-llama/Llama-3.1-405B, --tensor-parallel-size, "8", --pipeline-parallel-size, "2", --nnodes, "2", --master-addr, vllm-0.vllm]
`,
      good: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: vllm, namespace: llm }
spec:
  serviceName: vllm
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          args: [--model, meta-llama/Llama-3.1-405B, --tensor-parallel-size, "8", --pipeline-parallel-size, "2", --nnodes, "2", --master-addr, vllm-0.vllm]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        if (container.role !== 'container') return;
        const server = modelServerFacts(model, container);
        const distributed = server && distributedInferenceOf(server);
        if (!distributed) return;
        const workload = container.workload;
        const who = subject(container, distributed);
        const portList = distributed.ports.length === 0 ? 'ports chosen at start' : distributed.ports.map(portText).join(', ');
        const hostNetwork = workload.podSpec.get('hostNetwork');
        if (hostNetwork.isTrue()) {
          context.report({ messageId: 'hostNetwork', data: { subject: who, ports: portList }, at: hostNetwork });
          return;
        }
        const isolation = ingressIsolation(model, workload, distributed.ports.map((port) => port.number));
        let reported = false;
        for (const port of distributed.ports) {
          const declared = container.node
            .get('ports')
            .items()
            .find((entry) => entry.get('containerPort').value === port.number);
          const name = declared?.get('name').str();
          const exposure = exposureOfPort(model, workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(declared ? { containerPort: declared } : {}) });
          const exposed = unauthenticatedPaths(model, workload, exposure).filter((path) => path.kind !== 'host-network');
          // A Service in the cluster only: the pods' own NetworkPolicies may still keep other pods out.
          const inCluster: ExposurePath[] = isolation.state === 'restricted' ? [] : exposure.paths.filter((path) => !path.exposed);
          const path = worstPath(exposed) ?? inCluster[0];
          if (!path) continue;
          reported = true;
          context.report({
            messageId: path.exposed ? 'portExposed' : 'portPublished',
            data: { subject: who, port: portText(port), via: path.hops[0]?.description ?? '' },
            ...exposureFindingPlace(workload, declared ?? port.setting?.node, path),
            severity: path.internetFacing ? 'critical' : 'high',
            related: [{ at: distributed.signal.node, message: distributed.signal.description }, ...exposureHops(path, [...exposed, ...inCluster])],
          });
        }
        if (reported || (isolation.state !== 'none' && isolation.state !== 'open')) return;
        const why =
          isolation.state === 'none'
            ? `no NetworkPolicy of namespace '${isolation.namespace}' selects these pods for ingress`
            : `NetworkPolicy '${isolation.policy.name ?? '(unnamed)'}' admits every pod or address to them`;
        context.report({
          messageId: 'ingressNotRestricted',
          data: { subject: who, ports: portList, why },
          at: distributed.signal.node,
          related: isolation.state === 'open' ? [{ at: isolation.rule, message: `ingress rule of NetworkPolicy ${isolation.policy.name ?? '(unnamed)'}` }] : [],
        });
      },
    };
  },
});
