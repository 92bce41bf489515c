import { loadEmbeddedYaml } from '../../../parse/kubernetes/embedded-yaml.js';
import type { PlainValue } from '../../../parse/kubernetes/types.js';
import type { ContainerFacts, ContainerRole, K8sObject, PodTemplateLocation } from '../../kubernetes.js';
import { Node } from '../../value.js';
import { yaml } from '../../../parse/kubernetes/full-yaml.js';

// KubeRay (`ray.io` v1, v1alpha1). Field paths checked against ray-project/kuberay
// ray-operator/apis/ray/v1 raycluster_types.go, rayservice_types.go, rayjob_types.go; probe
// injection in ray-operator/controllers/ray/common/pod.go (initLivenessAndReadinessProbe).

export const RAY_GROUP = 'ray.io';

/** Where the RayClusterSpec is: the object's own spec, or the one a RayService / RayJob creates. */
export function rayClusterSpec(object: K8sObject): Node {
  if (object.kind === 'RayService') return object.root.get('spec', 'rayClusterConfig');
  if (object.kind === 'RayJob') return object.root.get('spec', 'rayClusterSpec');
  return object.root.get('spec');
}

/**
 * The Ray container is index 0 of `containers` (`utils.RayContainerIndex`): KubeRay adds readiness
 * and liveness probes to it when it has none; other containers are sidecars and keep what they write.
 */
function rayContainerFacts(_container: Node, role: ContainerRole, index: number): ContainerFacts | undefined {
  return role === 'container' && index === 0 ? { defaultProbes: ['readiness', 'liveness'], server: true } : undefined;
}

/** Head `head`, worker groups `worker:<groupName>` (`worker:<index>` when unnamed), RayJob submitter `submitter`. */
export function rayTemplates(object: K8sObject): PodTemplateLocation[] {
  const base = rayClusterSpec(object).path.slice(object.root.path.length);
  const locations: PodTemplateLocation[] = [];
  if (rayClusterSpec(object).isMap()) {
    locations.push({
      role: 'head',
      spec: [...base, 'headGroupSpec', 'template', 'spec'],
      metadata: [...base, 'headGroupSpec', 'template', 'metadata'],
      containerFacts: rayContainerFacts,
    });
    rayClusterSpec(object)
      .get('workerGroupSpecs')
      .items()
      .forEach((group, index) => {
        const name = group.get('groupName').str() ?? String(index);
        locations.push({
          role: `worker:${name}`,
          spec: [...base, 'workerGroupSpecs', index, 'template', 'spec'],
          metadata: [...base, 'workerGroupSpecs', index, 'template', 'metadata'],
          containerFacts: rayContainerFacts,
        });
      });
  }
  if (object.kind === 'RayJob') {
    // The submitter is a Job's pod (K8sJobMode): it runs `ray job submit` once.
    locations.push({
      role: 'submitter',
      spec: ['spec', 'submitterPodTemplate', 'spec'],
      metadata: ['spec', 'submitterPodTemplate', 'metadata'],
      runsToCompletion: true,
    });
  }
  return locations;
}

// ---------------------------------------------------------------------------------------------
// Readers for the ML rules. Pure functions of the object; every value is a located Node.

export interface RayClusterFacts {
  readonly clusterSpec: Node;
  readonly rayVersion: Node;
  /** `ClusterIP` (default), `NodePort` or `LoadBalancer`: the head Service with GCS, dashboard, client. */
  readonly headServiceType: Node;
  /** Creates an Ingress for the dashboard (and its Jobs API). */
  readonly enableIngress: Node;
  /** `headGroupSpec.headService`: a full Service the operator uses instead of its own. */
  readonly headService: Node;
  /** `authOptions.mode`: `token` or `disabled` (KubeRay ≥ 1.5). */
  readonly authMode: Node;
  /** `rayStartParams.dashboard-host` of the head (often `0.0.0.0`). */
  readonly dashboardHost: Node;
  readonly headRayStartParams: Node;
}

export function rayClusterFacts(object: K8sObject): RayClusterFacts {
  const spec = rayClusterSpec(object);
  const head = spec.get('headGroupSpec');
  return {
    clusterSpec: spec,
    rayVersion: spec.get('rayVersion'),
    headServiceType: head.get('serviceType'),
    enableIngress: head.get('enableIngress'),
    headService: head.get('headService'),
    authMode: spec.get('authOptions', 'mode'),
    dashboardHost: head.get('rayStartParams', 'dashboard-host'),
    headRayStartParams: head.get('rayStartParams'),
  };
}

/** A YAML document written as a string value (`serveConfigV2`, `runtimeEnvYAML`). */
export interface EmbeddedYaml {
  /** The string value itself. */
  readonly node: Node;
  /** The decoded document; undefined when absent, not a string, or not valid YAML. */
  readonly value: PlainValue | undefined;
  /**
   * The decoded document as located nodes at the string's path (`…/serveConfigV2/applications/0`):
   * inside a literal block scalar (`|`) each value has its own line; otherwise they all resolve to
   * the string's key. Undefined when `value` is.
   */
  readonly root: Node | undefined;
  /** True when `root`'s values are located on their own lines. */
  readonly located: boolean;
  readonly error?: string;
}

/** RayService `spec.serveConfigV2`: Serve applications (`import_path`, `runtime_env` with `working_dir`, `pip`, …). */
export function serveConfigV2(object: K8sObject): EmbeddedYaml {
  return embeddedYaml(object.root.get('spec', 'serveConfigV2'));
}

export interface RayJobFacts {
  readonly entrypoint: Node;
  /** `runtimeEnvYAML`: the job's runtime_env (code and packages fetched at start). */
  readonly runtimeEnv: EmbeddedYaml;
  /** `K8sJobMode` (default), `HTTPMode`, `InteractiveMode`, `SidecarMode`. */
  readonly submissionMode: Node;
  /** Runs on an existing cluster instead of creating one. */
  readonly clusterSelector: Node;
  readonly shutdownAfterJobFinishes: Node;
}

export function rayJobFacts(object: K8sObject): RayJobFacts {
  const spec = object.root.get('spec');
  return {
    entrypoint: spec.get('entrypoint'),
    runtimeEnv: embeddedYaml(spec.get('runtimeEnvYAML')),
    submissionMode: spec.get('submissionMode'),
    clusterSelector: spec.get('clusterSelector'),
    shutdownAfterJobFinishes: spec.get('shutdownAfterJobFinishes'),
  };
}

function embeddedYaml(node: Node): EmbeddedYaml {
  const text = node.str();
  if (text === undefined) return { node, value: undefined, root: undefined, located: false };
  let value: PlainValue | undefined;
  try {
    // The yaml package bounds aliases (alias bombs) and rejects duplicate keys; both end up in `error`.
    value = toPlain(yaml().parse(text, { prettyErrors: false }));
  } catch (error) {
    return { node, value: undefined, root: undefined, located: false, error: error instanceof Error ? error.message : String(error) };
  }
  const embedded = value === undefined ? undefined : loadEmbeddedYaml(node.doc, node.path, text);
  const root = embedded?.document ? Node.root(embedded.document, node.path) : undefined;
  return { node, value, root, located: root !== undefined && embedded?.located === true };
}

/** JSON-like data only: YAML may decode to values a manifest never holds (undefined, bigint). */
function toPlain(value: unknown): PlainValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map((item) => toPlain(item) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: PlainValue } = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const plain = toPlain(item);
      // defineProperty: a `__proto__` key must stay a key.
      if (plain !== undefined) Object.defineProperty(out, key, { value: plain, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return undefined;
}

/** A Ray runtime_env written in a RayService's Serve config or a RayJob: code and packages fetched when it starts. */
export interface RayRuntimeEnv {
  /** `application 'fruit_app'`, `deployment 'Mango' of application 'fruit_app'`, `runtimeEnvYAML`. */
  readonly where: string;
  /** The runtime_env mapping, located inside the embedded YAML when it is a literal block (see EmbeddedYaml.root). */
  readonly node: Node;
  /** The string holding it (`serveConfigV2`, `runtimeEnvYAML`). */
  readonly source: EmbeddedYaml;
}

/**
 * RayService `serveConfigV2`: `applications[].runtime_env` and `applications[].deployments[].ray_actor_options.runtime_env`
 * (Serve's ServeDeploySchema); RayJob `runtimeEnvYAML`: the job's runtime_env itself.
 */
export function rayRuntimeEnvs(object: K8sObject): RayRuntimeEnv[] {
  if (object.kind === 'RayJob') {
    const source = rayJobFacts(object).runtimeEnv;
    return source.root?.isMap() ? [{ where: 'runtimeEnvYAML', node: source.root, source }] : [];
  }
  if (object.kind !== 'RayService') return [];
  const source = serveConfigV2(object);
  const out: RayRuntimeEnv[] = [];
  for (const [index, application] of (source.root?.get('applications').items() ?? []).entries()) {
    const app = application.get('name').str() ?? String(index);
    const env = application.get('runtime_env');
    if (env.isMap()) out.push({ where: `application '${app}'`, node: env, source });
    for (const [position, deployment] of application.get('deployments').items().entries()) {
      const actorEnv = deployment.get('ray_actor_options', 'runtime_env');
      if (actorEnv.isMap()) out.push({ where: `deployment '${deployment.get('name').str() ?? String(position)}' of application '${app}'`, node: actorEnv, source });
    }
  }
  return out;
}
