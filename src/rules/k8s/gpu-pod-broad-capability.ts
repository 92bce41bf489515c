import { capabilityItems } from '../../model/containers.js';
import { describeGpuUse, gpuUseOf } from '../../model/ml/gpu.js';
import { defineRule } from '../define-rule.js';

/** Capabilities GPU profilers and RDMA setups ask for, with what they give a compromised server. */
const BROAD: ReadonlyMap<string, string> = new Map([
  ['ALL', 'every capability, which is root on the node in all but name'],
  ['SYS_ADMIN', 'mount, namespaces, BPF and device administration, a short step to the node'],
  ['SYS_PTRACE', 'reading and rewriting the memory of other processes it can see, with their model weights and keys'],
  ['NET_ADMIN', "rewriting the pod's routing and firewall rules, and sniffing or spoofing traffic"],
]);

export const gpuPodBroadCapability = defineRule({
  meta: {
    id: 'IG-K8S-009',
    name: 'gpu-pod-broad-capability',
    title: 'SYS_ADMIN or broad capabilities on GPU/model pods',
    severity: 'high',
    rationale:
      'GPU profilers (Nsight, DCGM profiling), debuggers and RDMA tuning are the usual reasons a model-serving or training container gets `SYS_ADMIN`, `SYS_PTRACE`, `NET_ADMIN` or `ALL`. The serving container is the one that parses untrusted input and loads model files that can carry code, so those capabilities become the attacker\'s: kernel-level privilege on the node next to the GPU driver. The NVIDIA GPU stack\'s own agents (DCGM exporter, device plugin) are left to IG-K8S-105.\n\nThis rule replaces IG-K8S-105 (dangerous-capability-added) on the same capability of GPU and model-serving containers: one finding, at the higher severity.',
    remediation:
      'Drop `ALL` and add back only what the server needs (usually nothing). Profile in a separate, short-lived debug pod or through the DCGM exporter; for RDMA use the device plugin of the NVIDIA Network Operator rather than `NET_ADMIN` / `SYS_ADMIN`.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], cis: ['5.2.9'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-105'],
    messages: {
      broadCapability: "Container '{{container}}' {{use}} and adds `{{capability}}`: {{effect}}.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.08-py3
      securityContext:
        capabilities:
          add: ["SYS_ADMIN"]
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.08-py3
      securityContext:
        capabilities:
          drop: ["ALL"]
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const added = capabilityItems(container, 'add').filter(({ name }) => BROAD.has(name));
        if (added.length === 0) return;
        const use = gpuUseOf(context.model, container);
        if (!use) return;
        for (const { name, node } of added) {
          context.report({
            messageId: 'broadCapability',
            data: { container: container.name || '(unnamed)', use: describeGpuUse(use), capability: name, effect: BROAD.get(name) ?? '' },
            at: node,
          });
        }
      },
    };
  },
});
