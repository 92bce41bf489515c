import type { ParsedDocument, PlainValue } from '../../parse/kubernetes/types.js';
import type { ContainerFacts, ContainerRef, ContainerRole, K8sObject, KubernetesModel, PodTemplateLocation, Workload } from '../kubernetes.js';
import { Node, isPlainObject } from '../value.js';
import { podTemplateLocations } from '../workload-kinds.js';

const CONTAINER_LISTS: ReadonlyArray<[string, ContainerRole]> = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export interface AdaptResult {
  readonly model: KubernetesModel;
  /** Documents that parsed but are not Kubernetes objects (no apiVersion / kind). */
  readonly nonObjectDocuments: number;
}

/**
 * Turns parsed documents into Kubernetes objects and workloads. `List` kinds are expanded.
 * `converted` are objects that come from elsewhere (Terraform `kubernetes_*` resources).
 */
export function adaptKubernetes(documents: readonly ParsedDocument[], converted: readonly K8sObject[] = []): AdaptResult {
  const objects: K8sObject[] = [];
  let nonObjectDocuments = 0;
  for (const doc of documents) {
    if (doc.error || doc.value === undefined || doc.value === null) continue;
    const root = Node.root(doc);
    if (!isObjectLike(root.value)) {
      nonObjectDocuments++;
      continue;
    }
    if (isListKind(root.value)) {
      for (const item of root.get('items').items()) {
        if (isObjectLike(item.value)) objects.push(toObject(item));
        else nonObjectDocuments++;
      }
      continue;
    }
    objects.push(toObject(root));
  }
  objects.push(...converted);
  return { model: buildModel(objects), nonObjectDocuments };
}

export function buildModel(objects: readonly K8sObject[]): KubernetesModel {
  const workloads: Workload[] = [];
  const byType = new Map<string, K8sObject[]>();
  for (const object of objects) {
    let list = byType.get(object.type);
    if (!list) byType.set(object.type, (list = []));
    list.push(object);
    for (const location of podTemplateLocations(object)) {
      const podSpec = object.root.get(...location.spec);
      if (!podSpec.isMap()) continue;
      const podMetadata = object.root.get(...(location.metadata ?? ['metadata']));
      workloads.push(makeWorkload(object, location, podSpec, podMetadata));
    }
  }
  const serviceAccounts = new Map<string, K8sObject>();
  for (const sa of byType.get('k8s:ServiceAccount') ?? []) {
    if (sa.name) serviceAccounts.set(`${sa.namespace ?? ''}/${sa.name}`, sa);
  }
  return {
    objects,
    workloads,
    byType: (type) => byType.get(type) ?? [],
    serviceAccountOf(workload) {
      const name = workload.podSpec.get('serviceAccountName').str() ?? workload.podSpec.get('serviceAccount').str() ?? 'default';
      return serviceAccounts.get(`${workload.object.namespace ?? ''}/${name}`);
    },
  };
}

function makeWorkload(object: K8sObject, location: PodTemplateLocation, podSpec: Node, podMetadata: Node): Workload {
  const containers: ContainerRef[] = [];
  const workload: Workload = {
    object,
    role: location.role,
    podSpec,
    podMetadata,
    containers,
    ...(location.podFieldsFrom !== undefined ? { podFieldsFrom: location.podFieldsFrom } : {}),
    ...(location.runsToCompletion ? { runsToCompletion: true } : {}),
  };
  for (const extra of location.extraContainers ?? []) {
    const node = object.root.get(...extra.path);
    if (!node.isMap()) continue;
    containers.push({ node, role: 'container', name: extra.name, workload, ...facts(extra) });
  }
  for (const [key, containerRole] of CONTAINER_LISTS) {
    podSpec
      .get(key)
      .items()
      .forEach((node, index) => {
        if (!node.isMap()) return;
        const extra = location.containerFacts?.(node, containerRole, index);
        containers.push({ node, role: containerRole, name: node.get('name').str() ?? '', workload, ...(extra ? facts(extra) : {}) });
      });
  }
  return workload;
}

/** Only the facts that are set, so a plain container carries no undefined keys. */
function facts(source: ContainerFacts): ContainerFacts {
  return {
    ...(source.mergedOver !== undefined ? { mergedOver: source.mergedOver } : {}),
    ...(source.defaultProbes && source.defaultProbes.length > 0 ? { defaultProbes: source.defaultProbes } : {}),
    ...(source.defaultResources ? { defaultResources: true } : {}),
    ...(source.server ? { server: true } : {}),
  };
}

function isObjectLike(value: PlainValue | undefined): boolean {
  return isPlainObject(value) && typeof value.kind === 'string' && typeof value.apiVersion === 'string';
}

function isListKind(value: PlainValue | undefined): boolean {
  return isPlainObject(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

/** The Kubernetes object at a node; undefined when it is not a mapping with a known kind and apiVersion. */
export function objectFromNode(root: Node): K8sObject | undefined {
  const kind = root.get('kind').str();
  const apiVersion = root.get('apiVersion').str();
  if (!root.isMap() || kind === undefined || apiVersion === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  const metadata = root.get('metadata');
  return {
    type: `k8s:${kind}`,
    kind,
    apiVersion,
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    name: metadata.get('name').str(),
    namespace: metadata.get('namespace').str(),
    file: root.doc.file,
    doc: root.doc,
    root,
    labels: stringMap(metadata.get('labels').value),
    annotations: stringMap(metadata.get('annotations').value),
  };
}

function toObject(root: Node): K8sObject {
  // Callers checked isObjectLike: kind and apiVersion are strings.
  return objectFromNode(root) as K8sObject;
}

function stringMap(value: PlainValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    // defineProperty: a `__proto__` label key must stay a key, not replace the prototype.
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') Object.defineProperty(out, key, { value: String(entry), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
