import { describeGpuUse, gpuUseOf } from '../../model/ml/gpu.js';
import { defineRule } from '../define-rule.js';

export const modelPodHostNetwork = defineRule({
  meta: {
    id: 'IG-K8S-008',
    name: 'model-pod-host-network',
    title: 'hostNetwork on model-serving or distributed-inference pods',
    severity: 'high',
    rationale:
      "`hostNetwork: true` is often set on GPU pods for RDMA / NCCL throughput. Every port the pod opens is then a port of the node's IP: the model server's unauthenticated admin and inference APIs, and the torch.distributed, NCCL, ZeroMQ and KV-transfer channels of multi-node inference, which trust whoever connects and exchange pickled data (CVE-2025-30165, CVE-2025-32444 in vLLM). Services and NetworkPolicies no longer apply, and the pod also sees the node's loopback services and network traffic.\n\nThis rule replaces IG-K8S-108 (host-namespace-shared) for `hostNetwork` on GPU and model-serving pods: one finding, at the higher severity.",
    remediation:
      'Remove `hostNetwork: true` and use pod networking with a NetworkPolicy that admits only the peer pods. For RDMA / GPUDirect, use an SR-IOV or RDMA shared-device CNI (for example through the NVIDIA Network Operator) and request the RDMA resource instead of joining the host network.',
    references: [
      'https://docs.vllm.ai/en/stable/usage/security/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    mappings: { stride: ['E', 'I'], atlas: ['AML.T0049'], cis: ['5.2.5'], nist: ['SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-108'],
    messages: {
      hostNetworkModel:
        "{{kind}} '{{name}}' uses the node's network while container '{{container}}' {{use}}: its serving and distributed-inference ports open on the node's IP, outside any NetworkPolicy.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      hostNetwork: true
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "8"]
          resources:
            limits: { nvidia.com/gpu: 8 }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "8"]
          resources:
            limits: { nvidia.com/gpu: 8 }
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        const hostNetwork = workload.podSpec.get('hostNetwork');
        if (!hostNetwork.isTrue()) return;
        for (const container of workload.containers) {
          const use = gpuUseOf(context.model, container);
          if (!use) continue;
          context.report({
            messageId: 'hostNetworkModel',
            data: { kind: workload.object.kind, name: workload.object.name ?? '(unnamed)', container: container.name || '(unnamed)', use: describeGpuUse(use) },
            at: hostNetwork,
          });
          return;
        }
      },
    };
  },
});
