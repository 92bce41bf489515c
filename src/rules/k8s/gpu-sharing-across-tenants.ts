import type { ContainerRef } from '../../model/kubernetes.js';
import { gpuSharingConfigs, isGpuStackComponent } from '../../model/ml/gpu.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

const MODE_TEXT = { timeSlicing: 'time-slicing', mps: 'MPS' } as const;

export const gpuSharingAcrossTenants = defineRule({
  meta: {
    id: 'IG-K8S-017',
    name: 'gpu-sharing-across-tenants',
    title: 'GPU time-slicing/MPS shared across tenants',
    severity: 'low',
    rationale:
      "The NVIDIA device plugin can advertise one GPU as several (`sharing.timeSlicing`, `sharing.mps`). Pods that land on the same GPU then share its memory and its compute: time-slicing gives no memory isolation or fault isolation at all, and MPS limits memory but shares one GPU context server and its failures. That is fine inside one team; across tenants, one namespace's model server can observe the other's timing, exhaust the GPU, and exploit driver or CUDA bugs against memory that holds another tenant's weights and prompts. MIG slices, by contrast, are isolated in hardware.",
    remediation:
      'Keep time-slicing and MPS to one trust domain: a dedicated GPU node pool per tenant (node selectors / taints per namespace), or MIG profiles (`nvidia.com/mig-<profile>`) where several tenants share a GPU. Apply the sharing config only to the nodes of that pool (the `nvidia.com/device-plugin.config` node label).',
    references: [
      'https://github.com/NVIDIA/k8s-device-plugin#shared-access-to-gpus',
      'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-sharing.html',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0037'], nist: ['SC-39'] },
    targets: ['k8s:ConfigMap', 'k8s:Workload'],
    fix: 'none',
    messages: {
      sharedAcrossNamespaces:
        "ConfigMap '{{configMap}}' shares `{{resources}}` by {{mode}}, and GPU pods in namespaces {{namespaces}} request it: pods of different tenants can land on the same GPU without memory or fault isolation.",
    },
    examples: {
      bad: `apiVersion: v1
kind: ConfigMap
metadata: { name: time-slicing-config, namespace: gpu-operator }
data:
  any: |-
    version: v1
    sharing:
      timeSlicing:
        resources:
          - name: nvidia.com/gpu
            replicas: 4
---
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: team-a }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      resources: { limits: { nvidia.com/gpu: 1 } }
---
apiVersion: v1
kind: Pod
metadata: { name: b, namespace: team-b }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      resources: { limits: { nvidia.com/gpu: 1 } }
`,
      good: `apiVersion: v1
kind: ConfigMap
metadata: { name: time-slicing-config, namespace: gpu-operator }
data:
  any: |-
    version: v1
    sharing:
      timeSlicing:
        resources:
          - name: nvidia.com/gpu
            replicas: 4
---
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: team-a }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      resources: { limits: { nvidia.com/gpu: 1 } }
`,
    },
  },
  create(context) {
    return {
      end() {
        const configs = gpuSharingConfigs(context.model);
        if (configs.length === 0) return;
        for (const config of configs) {
          // Namespaces as written: a manifest without one is applied wherever `-n` says, so it is not counted.
          const byNamespace = new Map<string, ContainerRef>();
          for (const workload of context.model.workloads) {
            const namespace = workload.object.namespace;
            if (namespace === undefined || byNamespace.has(namespace) || isGpuStackComponent(workload)) continue;
            const container = workload.containers.find((candidate) => config.resources.some((resource) => candidate.node.get('resources', 'limits', resource).isWritten() || candidate.node.get('resources', 'requests', resource).isWritten()));
            if (container) byNamespace.set(namespace, container);
          }
          if (byNamespace.size < 2) continue;
          const namespaces = [...byNamespace.keys()].sort();
          const related: RelatedHop[] = namespaces.map((namespace) => {
            const container = byNamespace.get(namespace) as ContainerRef;
            return { at: container.node.get('resources'), message: `${container.workload.object.kind} '${container.workload.object.name ?? '(unnamed)'}' in namespace '${namespace}' requests a shared GPU` };
          });
          context.report({
            messageId: 'sharedAcrossNamespaces',
            data: { configMap: config.configMap.name ?? '(unnamed)', resources: config.resources.join('`, `'), mode: MODE_TEXT[config.mode], namespaces: namespaces.map((namespace) => `'${namespace}'`).join(', ') },
            at: config.node,
            object: config.configMap,
            related,
          });
        }
      },
    };
  },
});
