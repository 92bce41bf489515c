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
 * Custom resources that carry pod templates, keyed by `group/Kind`. The ML CRD adapters
 * (KServe, Seldon, Ray, NIM) add their entries here.
 */
const CUSTOM: ReadonlyMap<string, PodTemplateLocator> = new Map<string, PodTemplateLocator>([
  ['argoproj.io/Rollout', () => TEMPLATE],
  ['serving.knative.dev/Service', () => TEMPLATE],
]);

export function podTemplateLocations(object: K8sObject): readonly PodTemplateLocation[] {
  const builtIn = BUILT_IN.get(object.kind);
  if (builtIn && builtIn.groups.includes(object.group)) return builtIn.locations;
  const locator = CUSTOM.get(`${object.group}/${object.kind}`);
  return locator ? locator(object) : [];
}
