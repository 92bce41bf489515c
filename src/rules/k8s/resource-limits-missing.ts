import { acceleratorResources } from '../../model/containers.js';
import type { ContainerRef, KubernetesModel, Workload } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

type ResourceSection = 'limits' | 'requests';

/** LimitRange fields that fill in a container's missing limits / requests at admission. */
const LIMIT_RANGE_FIELDS: Record<ResourceSection, readonly string[]> = {
  // A `max` without a `default` becomes the default limit.
  limits: ['default', 'max'],
  // The default request falls back to the default limit, then to `max` and `min`.
  requests: ['defaultRequest', 'default', 'max', 'min'],
};

/**
 * Resource names a LimitRange in the container's namespace sets for it when the manifest does not.
 * Namespaces compare as written: two objects that both leave it out are applied to the same one.
 */
function limitRangeFills(model: KubernetesModel, container: ContainerRef, section: ResourceSection): Set<string> {
  const filled = new Set<string>();
  const namespace = container.workload.object.namespace;
  for (const limitRange of model.byType('k8s:LimitRange')) {
    if (limitRange.namespace !== namespace) continue;
    for (const item of limitRange.root.get('spec', 'limits').items()) {
      if (item.get('type').str() !== 'Container') continue;
      for (const field of LIMIT_RANGE_FIELDS[section]) for (const [name, value] of item.get(field).entries()) if (isSet(value)) filled.add(name);
    }
  }
  return filled;
}

const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * A kustomize patch or pod-template fragment rather than a whole object: the API server would refuse
 * it (an apps/v1 workload needs a selector, a pod needs a container with an image), so what it leaves
 * out is the base's to set, and the base is judged on its own.
 */
export function isFragment(workload: Workload): boolean {
  const { object } = workload;
  if (object.apiVersion === 'apps/v1' && SELECTOR_REQUIRED.has(object.kind) && !object.root.get('spec', 'selector').exists) return true;
  return !workload.containers.some((container) => container.role === 'container' && container.node.get('image').exists);
}

/** A container of a fragment, or one without an image (a patch of one container of the base). */
export function isFragmentContainer(container: ContainerRef): boolean {
  return !container.node.get('image').exists || isFragment(container.workload);
}

/** Written with a value: Kubernetes reads `null` as not written. */
export function isSet(node: Node): boolean {
  return node.value !== undefined && node.value !== null;
}

/**
 * The CPU / memory entries a container leaves without a value, after pod-level resources and
 * LimitRanges; `also` are other resource lists Kubernetes copies into this one (limits into requests).
 * Undefined when a list cannot be read statically.
 */
export function missingComputeResources(model: KubernetesModel, container: ContainerRef, section: ResourceSection, also: readonly Node[] = []): string[] | undefined {
  const resources = container.node.get('resources');
  const own = resources.get(section);
  // A resources block we cannot read (a template string, a list) is unknown, not missing.
  if ([resources, own, ...also].some((node) => isSet(node) && !node.isMap())) return undefined;
  const podLevel = container.workload.podSpec.get('resources', section);
  const filled = limitRangeFills(model, container, section);
  return ['cpu', 'memory'].filter(
    (name) => !isSet(own.get(name)) && !isSet(podLevel.get(name)) && !filled.has(name) && !also.some((node) => isSet(node.get(name))),
  );
}

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
          if (isSet(limits.get(resource)) || !isSet(requests.get(resource))) continue;
          context.report({ messageId: 'acceleratorOnlyRequested', data: { container: name, resource }, at: requests.get(resource), severity });
        }
      },
    };
  },
});
