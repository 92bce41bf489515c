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
  return !workload.containers.some((container) => container.role === 'container' && container.node.get('image').exists);
}

/** A container of a fragment, or one without an image (a patch of one container of the base). */
export function isFragmentContainer(container: ContainerRef): boolean {
  return !container.node.get('image').exists || isFragment(container.workload);
}

/**
 * A kustomize strategic-merge patch that deletes the object (`$patch: delete`): it removes the
 * resource from the build, so nothing it leaves out is missing and nothing it says is granted.
 */
export function isDeletionPatch(object: K8sObject): boolean {
  return object.root.get('$patch').str() === 'delete';
}
