import { isFragmentContainer } from '../../model/fragments.js';
import { acceleratorResources, missingComputeResources } from '../../model/resources.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const resourceLimitsMissing = defineRule({
  meta: {
    id: 'IG-K8S-111',
    name: 'resource-limits-missing',
    title: 'No CPU / memory limits (denial of service)',
    severity: 'medium',
    rationale:
      'Without a memory limit a model server can take all the memory of its node: a large model load, a long prompt or a big batch ends in the node killing neighbours, other models included. Without a CPU limit, tokenisation and pre-processing starve everything else on the node. GPUs are extended resources: Kubernetes only schedules them from `limits`, and rejects a pod that asks for them in `requests` alone.',
    remediation:
      'Set `resources.limits.memory` and `resources.limits.cpu` on every container (sized from a load test of the model). Put accelerators such as `nvidia.com/gpu` in `limits`; `requests` may repeat the same value or be left out.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      'https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/',
      'https://kubernetes.io/docs/concepts/policy/limit-range/',
    ],
    mappings: { stride: ['D'], atlas: ['AML.T0029'], nist: ['SC-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      missingLimits: "Container '{{container}}' has no CPU or memory limit: one runaway request can starve its node.",
      missingMemoryLimit: "Container '{{container}}' has no memory limit: it can exhaust its node's memory.",
      missingCpuLimit: "Container '{{container}}' has no CPU limit: it can starve the other pods of its node.",
      acceleratorOnlyRequested:
        "Container '{{container}}' asks for `{{resource}}` in requests only: Kubernetes requires extended resources in limits and rejects this pod.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tfserving, namespace: serving }
spec:
  containers:
    - name: tfserving
      image: tensorflow/serving:2.15.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tfserving, namespace: serving }
spec:
  containers:
    - name: tfserving
      image: tensorflow/serving:2.15.0
      resources:
        limits: { cpu: "2", memory: 4Gi }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        // Ephemeral (debug) containers cannot declare resources.
        if (container.role === 'ephemeralContainer' || isFragmentContainer(container)) return;
        const severity = severityForContainer(resourceLimitsMissing.meta.severity, container);
        const name = container.name || '(unnamed)';
        const limits = container.node.get('resources', 'limits');
        const requests = container.node.get('resources', 'requests');
        const missing = missingComputeResources(context.model, container, 'limits');
        if (missing && missing.length > 0) {
          const messageId = missing.length === 2 ? 'missingLimits' : missing[0] === 'cpu' ? 'missingCpuLimit' : 'missingMemoryLimit';
          context.report({ messageId, data: { container: name }, at: limits, severity });
        }
        for (const resource of acceleratorResources(container)) {
          if (limits.get(resource).isWritten() || !requests.get(resource).isWritten()) continue;
          context.report({ messageId: 'acceleratorOnlyRequested', data: { container: name, resource }, at: requests.get(resource), severity });
        }
      },
    };
  },
});
