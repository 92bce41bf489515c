import type { K8sObject } from './kubernetes.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A Role or ClusterRole of the RBAC API. */
export function isRbacRole(object: K8sObject): boolean {
  return (object.kind === 'Role' || object.kind === 'ClusterRole') && object.group === RBAC_GROUP;
}

/** A RoleBinding or ClusterRoleBinding of the RBAC API. */
export function isRbacBinding(object: K8sObject): boolean {
  return (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && object.group === RBAC_GROUP;
}
