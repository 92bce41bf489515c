import { inferenceServiceTemplates, llmInferenceServiceTemplates, servingRuntimeTemplates } from './adapt/crds/kserve.js';
import { rayTemplates } from './adapt/crds/ray.js';
import { seldonDeploymentTemplates, serverConfigTemplates, serverTemplates } from './adapt/crds/seldon.js';
import type { K8sObject, PodTemplateLocation } from './kubernetes.js';

const TEMPLATE: readonly PodTemplateLocation[] = [
  { role: 'pod', spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
];

/** Built-in kinds: the API groups they may come from and where their pod template lives. */
const BUILT_IN: ReadonlyMap<string, { groups: readonly string[]; locations: readonly PodTemplateLocation[] }> = new Map([
  ['Pod', { groups: [''], locations: [{ role: 'pod', spec: ['spec'], metadata: ['metadata'] }] }],
  ['PodTemplate', { groups: [''], locations: [{ role: 'pod', spec: ['template', 'spec'], metadata: ['template', 'metadata'] }] }],
  ['ReplicationController', { groups: [''], locations: TEMPLATE }],
  ['Deployment', { groups: ['apps', 'extensions'], locations: TEMPLATE }],
  ['StatefulSet', { groups: ['apps'], locations: TEMPLATE }],
  ['DaemonSet', { groups: ['apps', 'extensions'], locations: TEMPLATE }],
  ['ReplicaSet', { groups: ['apps', 'extensions'], locations: TEMPLATE }],
  ['Job', { groups: ['batch'], locations: TEMPLATE }],
  [
    'CronJob',
    {
      groups: ['batch'],
      locations: [
        {
          role: 'pod',
          spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
          metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
        },
      ],
    },
  ],
]);

/** Finds the pod templates of a custom resource; locations may depend on content (Ray worker groups). */
export type PodTemplateLocator = (object: K8sObject) => readonly PodTemplateLocation[];

/**
 * LeaderWorkerSet (`leaderworkerset.x-k8s.io/v1`, kubernetes-sigs/lws api/leaderworkerset/v1/leaderworkerset_types.go):
 * `spec.leaderWorkerTemplate.workerTemplate` (required; also the leader's when `leaderTemplate` is absent)
 * and the optional `leaderTemplate`, both PodTemplateSpecs.
 */
function leaderWorkerSetTemplates(object: K8sObject): PodTemplateLocation[] {
  const base = ['spec', 'leaderWorkerTemplate'];
  const locations: PodTemplateLocation[] = [];
  for (const [role, key] of [['leader', 'leaderTemplate'], ['worker', 'workerTemplate']] as const) {
    if (object.root.get(...base, key, 'spec').isMap()) locations.push({ role, spec: [...base, key, 'spec'], metadata: [...base, key, 'metadata'] });
  }
  return locations;
}

/** Knative Serving gives the serving container a TCP readiness probe on its port when the manifest writes none. */
const KNATIVE_TEMPLATE: readonly PodTemplateLocation[] = [{ ...(TEMPLATE[0] as PodTemplateLocation), containerFacts: () => ({ defaultProbes: ['readiness'] }) }];
/** A Knative Revision is the pod spec itself (RevisionSpec inlines PodSpec). */
const KNATIVE_REVISION: readonly PodTemplateLocation[] = [{ role: 'pod', spec: ['spec'], metadata: ['metadata'], containerFacts: () => ({ defaultProbes: ['readiness'] }) }];

/**
 * Custom resources that carry pod templates, keyed by `group/Kind`; the ML CRD adapters are in
 * `adapt/crds/`. Left out on purpose: KServe InferenceGraph (its router pod is the operator's) and
 * NVIDIA NIMService (no pod template: see `adapt/crds/nim.ts`).
 */
const CUSTOM: ReadonlyMap<string, PodTemplateLocator> = new Map<string, PodTemplateLocator>([
  // A Rollout with `workloadRef` has no template: it yields no workload.
  ['argoproj.io/Rollout', () => TEMPLATE],
  ['leaderworkerset.x-k8s.io/LeaderWorkerSet', leaderWorkerSetTemplates],
  ['serving.knative.dev/Configuration', () => KNATIVE_TEMPLATE],
  ['serving.knative.dev/Revision', () => KNATIVE_REVISION],
  ['serving.knative.dev/Service', () => KNATIVE_TEMPLATE],
  ['serving.kserve.io/InferenceService', inferenceServiceTemplates],
  ['serving.kserve.io/ServingRuntime', servingRuntimeTemplates],
  ['serving.kserve.io/ClusterServingRuntime', servingRuntimeTemplates],
  ['serving.kserve.io/LLMInferenceService', llmInferenceServiceTemplates],
  ['machinelearning.seldon.io/SeldonDeployment', seldonDeploymentTemplates],
  ['mlops.seldon.io/Server', serverTemplates],
  ['mlops.seldon.io/ServerConfig', serverConfigTemplates],
  ['ray.io/RayCluster', rayTemplates],
  ['ray.io/RayService', rayTemplates],
  ['ray.io/RayJob', rayTemplates],
]);

/** Cluster-scoped custom resources with pod templates: no namespace of their own, their pods run in their users'. */
const CLUSTER_SCOPED = new Set(['serving.kserve.io/ClusterServingRuntime']);

/** Whether an object's kind is cluster-scoped, so that it has no namespace to write. */
export function isClusterScoped(object: K8sObject): boolean {
  return CLUSTER_SCOPED.has(`${object.group}/${object.kind}`);
}

export function podTemplateLocations(object: K8sObject): readonly PodTemplateLocation[] {
  const builtIn = BUILT_IN.get(object.kind);
  if (builtIn && builtIn.groups.includes(object.group)) return builtIn.locations;
  const locator = CUSTOM.get(`${object.group}/${object.kind}`);
  return locator ? locator(object) : [];
}
