import type { ContainerRef, K8sObject, Workload } from './kubernetes.js';

const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * A kustomize patch or pod-template fragment rather than a whole object: the API server would refuse
 * it (an apps/v1 workload needs a selector, a pod needs a container with an image), so what it leaves
 * out is the base's to set, and the base is judged on its own.
 */
export function isFragment(workload: Workload): boolean {
  const { object } = workload;
  if (object.apiVersion === 'apps/v1' && SELECTOR_REQUIRED.has(object.kind) && !object.root.get('spec', 'selector').exists) return true;
  // A container an operator merges over a runtime's (KServe `predictor.model`) is whole once merged.
  return !workload.containers.some((container) => container.role === 'container' && (container.node.get('image').exists || container.mergedOver !== undefined));
}

/**
 * A container of a fragment, one without an image (a patch of one container of the base), or one an
 * operator merges over another object's container: what it leaves out is that container's to set.
 */
export function isFragmentContainer(container: ContainerRef): boolean {
  return container.mergedOver !== undefined || !container.node.get('image').exists || isFragment(container.workload);
}

/**
 * A kustomize strategic-merge patch that deletes the object (`$patch: delete`): it removes the
 * resource from the build, so nothing it leaves out is missing and nothing it says is granted.
 */
export function isDeletionPatch(object: K8sObject): boolean {
  return object.root.get('$patch').str() === 'delete';
}
