import { describeGpuUse, gpuUseOf } from '../../model/ml/gpu.js';
import { acceleratorResources } from '../../model/resources.js';
import { defineRule } from '../define-rule.js';

export const privilegedGpuContainer = defineRule({
  meta: {
    id: 'IG-K8S-001',
    name: 'privileged-gpu-container',
    title: 'Privileged container used to reach GPUs',
    severity: 'critical',
    rationale:
      'Running a GPU or model-serving container privileged "so that it sees the GPU" makes it root on the node: every host device, every capability, no seccomp. A pickle in a model file, a custom handler or a server CVE then takes the whole node, with the other tenants\' models, GPUs and credentials. It is never needed to reach a GPU: the device plugin hands out `nvidia.com/gpu` and the NVIDIA Container Toolkit mounts exactly those devices into an unprivileged container. The NVIDIA GPU stack\'s own node agents (device plugin, toolkit, driver, GPU Operator operands) are left to IG-K8S-101: they need host access by design; so are TPU and Neuron containers, whose runtimes have needed privileged mode on some platforms.\n\nThis rule replaces IG-K8S-101 (privileged-container) on the same field: one finding, at the higher severity.',
    remediation:
      'Remove `securityContext.privileged: true`. Request GPUs in `resources.limits` (`nvidia.com/gpu: 1`, or a MIG slice such as `nvidia.com/mig-1g.10gb`) and set `runtimeClassName: nvidia` where the NVIDIA runtime is not the node default. Profilers that need more belong in a separate, short-lived debug pod.',
    references: [
      'https://github.com/NVIDIA/k8s-device-plugin',
      'https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], cis: ['5.2.2'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-101'],
    messages: {
      privilegedGpu:
        "Container '{{container}}' runs privileged while it {{use}}: the device plugin already gives it the GPU, and privileged makes it root on the node.",
      privilegedModelServer: "Container '{{container}}' {{use}} privileged: code execution in the server is root on the node.",
      privilegedGpuEnv:
        "Container '{{container}}' runs privileged and {{use}}: it reaches the node's GPUs as root instead of through `nvidia.com/gpu`.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      securityContext:
        privileged: true
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      securityContext:
        privileged: false
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const privileged = container.node.get('securityContext', 'privileged');
        if (!privileged.isTrue()) return;
        const use = gpuUseOf(context.model, container, 'gpu');
        // A TPU or Neuron container without a GPU is IG-K8S-101's: some platforms required privileged mode for them.
        if (!use || (use.kind !== 'resource' && acceleratorResources(container).length > 0)) return;
        context.report({
          messageId: use.kind === 'resource' ? 'privilegedGpu' : use.kind === 'server' ? 'privilegedModelServer' : 'privilegedGpuEnv',
          data: { container: container.name || '(unnamed)', use: describeGpuUse(use) },
          at: privileged,
          related: use.kind === 'env' ? [{ at: use.node, message: `\`${use.name}\` asks the NVIDIA runtime for GPUs` }] : [],
        });
      },
    };
  },
});
