import type { ContainerRef, KubernetesModel } from './kubernetes.js';
import type { Node } from './value.js';

/** The two lists of a container's `resources` block that name compute amounts. */
export type ResourceSection = 'limits' | 'requests';

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
      for (const field of LIMIT_RANGE_FIELDS[section]) for (const [name, value] of item.get(field).entries()) if (value.isWritten()) filled.add(name);
    }
  }
  return filled;
}

/**
 * The CPU / memory entries a container leaves without a value, after pod-level resources and
 * LimitRanges; `also` are other resource lists Kubernetes copies into this one (limits into requests).
 * Undefined when a list cannot be read statically.
 */
export function missingComputeResources(model: KubernetesModel, container: ContainerRef, section: ResourceSection, also: readonly Node[] = []): string[] | undefined {
  // KServe's webhook fills what its components' first container leaves out from the inferenceservice-config ConfigMap.
  if (container.defaultResources) return [];
  const resources = container.node.get('resources');
  const own = resources.get(section);
  // A resources block we cannot read (a template string, a list) is unknown, not missing.
  if ([resources, own, ...also].some((node) => node.isWritten() && !node.isMap())) return undefined;
  const podLevel = container.workload.podSpec.get('resources', section);
  const filled = limitRangeFills(model, container, section);
  return ['cpu', 'memory'].filter(
    (name) => !own.get(name).isWritten() && !podLevel.get(name).isWritten() && !filled.has(name) && !also.some((node) => node.get(name).isWritten()),
  );
}

const GPU_RESOURCE = /^(nvidia\.com\/(gpu|mig-.+)|amd\.com\/gpu|gpu\.intel\.com\/.+|habana\.ai\/gaudi|aws\.amazon\.com\/neuron(core|device)?|google\.com\/tpu)$/;

/** The names of the accelerator resources a container asks for (limits or requests). */
export function acceleratorResources(container: ContainerRef): string[] {
  const names = new Set<string>();
  for (const section of ['limits', 'requests']) {
    for (const [name] of container.node.get('resources', section).entries()) if (GPU_RESOURCE.test(name)) names.add(name);
  }
  return [...names].sort();
}

/** Whether a container asks for a GPU, TPU or other accelerator. */
export function requestsAccelerator(container: ContainerRef): boolean {
  return acceleratorResources(container).length > 0;
}
