import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef, Workload } from '../../model/kubernetes.js';
import { missingComputeResources } from '../../model/resources.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const resourceRequestsMissing = defineRule({
  meta: {
    id: 'IG-K8S-112',
    name: 'resource-requests-missing',
    title: 'No CPU / memory requests',
    severity: 'low',
    rationale:
      'The scheduler places pods by their requests. A model server without them lands on nodes that cannot hold its weights in memory, is the first to be evicted under pressure (BestEffort class), and makes autoscaling on utilisation meaningless. Kubernetes copies a limit into a missing request, so a container with limits is not flagged.',
    remediation:
      'Set `resources.requests.cpu` and `resources.requests.memory` to what the model needs at steady state (memory at least the size of the loaded weights plus the KV cache), or set limits and let Kubernetes copy them.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
      'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
    ],
    mappings: { stride: ['D'], nist: ['SC-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      missingRequests: "Container '{{container}}' has no CPU or memory request: the scheduler reserves nothing for it and may place it on a node without room for it.",
      bestEffort:
        "Container '{{container}}' has no CPU or memory request, and its pod none at all: the pod is BestEffort, placed without reserving anything and evicted first under node pressure.",
      missingCpuRequest: "Container '{{container}}' has no CPU request.",
      missingMemoryRequest: "Container '{{container}}' has no memory request: it may be placed on a node without the memory it needs.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.11.1-cpu
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.11.1-cpu
      resources:
        requests: { cpu: "1", memory: 2Gi }
`,
    },
  },
  create(context) {
    // Kubernetes defaults a missing request to the limit, at container and at pod level.
    const missingRequests = (container: ContainerRef): string[] | undefined =>
      missingComputeResources(context.model, container, 'requests', [container.node.get('resources', 'limits'), container.workload.podSpec.get('resources', 'limits')]);
    // QoS looks at CPU and memory only: a pod whose containers set neither (GPUs aside) is BestEffort.
    const isBestEffort = (workload: Workload): boolean =>
      workload.containers.every((container) => container.role === 'ephemeralContainer' || missingRequests(container)?.length === 2);
    return {
      container(container) {
        if (container.role === 'ephemeralContainer' || isFragmentContainer(container)) return;
        const missing = missingRequests(container);
        if (!missing || missing.length === 0) return;
        const messageId =
          missing.length === 2 ? (isBestEffort(container.workload) ? 'bestEffort' : 'missingRequests') : missing[0] === 'cpu' ? 'missingCpuRequest' : 'missingMemoryRequest';
        context.report({
          messageId,
          data: { container: container.name || '(unnamed)' },
          at: container.node.get('resources', 'requests'),
          severity: severityForContainer(resourceRequestsMissing.meta.severity, container),
        });
      },
    };
  },
});
