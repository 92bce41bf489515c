import type { K8sObject } from './kubernetes.js';
import type { TfResource } from './terraform.js';

/** What a finding is about: a Kubernetes object or a Terraform resource instance. */
export type Subject = K8sObject | TfResource;

export function isTerraformResource(subject: Subject): subject is TfResource {
  return subject.type.startsWith('tf:');
}
