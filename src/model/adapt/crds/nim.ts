import type { K8sObject } from '../../kubernetes.js';
import type { Node } from '../../value.js';

// NVIDIA NIM operator (`apps.nvidia.com` v1alpha1) NIMService. Field paths checked against
// NVIDIA/k8s-nim-operator api/apps/v1alpha1 nimservice_types.go (NIMServiceSpec) and common_types.go
// (Image, Expose, Service, Ingress, Probe).
//
// A NIMService is deliberately not a workload: it has no pod template. The operator writes the whole
// pod (securityContext from `userID` / `groupID`, default probes on /v1/health, its own
// ServiceAccount, volumes), so the baseline rules would judge fields the resource cannot set. What the
// resource does set (image, env, resources, exposure, the NGC key Secret) is read here for the ML rules.

export const NIM_GROUP = 'apps.nvidia.com';

export interface NimServiceFacts {
  readonly image: {
    readonly node: Node;
    /** `nvcr.io/nim/<publisher>/<model>`. */
    readonly repository: Node;
    readonly tag: Node;
    readonly pullPolicy: Node;
    readonly pullSecrets: Node;
  };
  readonly command: Node;
  readonly args: Node;
  readonly env: readonly Node[];
  readonly resources: Node;
  /** `expose.service.type`: ClusterIP unless written. */
  readonly serviceType: Node;
  /** `expose.service.port`: 8000 unless written. */
  readonly servicePort: Node;
  /** `expose.ingress` (`enabled`, `spec`). */
  readonly ingress: Node;
  /** `expose.router` of newer operator releases (ingress / Gateway API). */
  readonly router: Node;
  /** The Secret holding `NGC_API_KEY` (also used to pull the image and the model). */
  readonly authSecret: Node;
  readonly userID: Node;
  readonly groupID: Node;
  /** `storage` (`nimCache`, `pvc`, `hostPath`, `readOnly`): where the model is cached. */
  readonly storage: Node;
}

export function nimServiceFacts(object: K8sObject): NimServiceFacts {
  const spec = object.root.get('spec');
  const image = spec.get('image');
  return {
    image: { node: image, repository: image.get('repository'), tag: image.get('tag'), pullPolicy: image.get('pullPolicy'), pullSecrets: image.get('pullSecrets') },
    command: spec.get('command'),
    args: spec.get('args'),
    env: spec.get('env').items(),
    resources: spec.get('resources'),
    serviceType: spec.get('expose', 'service', 'type'),
    servicePort: spec.get('expose', 'service', 'port'),
    ingress: spec.get('expose', 'ingress'),
    router: spec.get('expose', 'router'),
    authSecret: spec.get('authSecret'),
    userID: spec.get('userID'),
    groupID: spec.get('groupID'),
    storage: spec.get('storage'),
  };
}

/** The image the operator runs, `repository:tag`, when both are plain strings. */
export function nimImageReference(object: K8sObject): string | undefined {
  const { repository, tag } = nimServiceFacts(object).image;
  const repo = repository.str();
  const version = tag.str();
  return repo === undefined || version === undefined ? undefined : `${repo}:${version}`;
}
