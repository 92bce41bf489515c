import type { ContainerFacts, ContainerRole, ExtraContainerLocation, K8sObject, PodTemplateLocation, ProbeKind } from '../../kubernetes.js';
import type { Node } from '../../value.js';
import { yaml } from '../../../parse/kubernetes/full-yaml.js';

// KServe (`serving.kserve.io`). Field paths checked against kserve/kserve pkg/apis/serving:
// v1beta1 predictor.go, explainer.go, transformer.go, component.go, predictor_model.go,
// inference_service_defaults.go; v1alpha1 servingruntime_types.go, inference_graph.go,
// llm_inference_service_types.go.

export const KSERVE_GROUP = 'serving.kserve.io';

/** The name KServe gives the serving container (`constants.InferenceServiceContainerName`). */
export const KSERVE_CONTAINER = 'kserve-container';

export const DEPLOYMENT_MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';
/** Knative's label (Serverless mode) and KServe's own (RawDeployment, and `exposed` on OpenShift AI). */
export const VISIBILITY_LABELS = ['networking.knative.dev/visibility', 'networking.kserve.io/visibility'] as const;

export type IsvcComponentName = 'predictor' | 'transformer' | 'explainer';
const COMPONENTS: readonly IsvcComponentName[] = ['predictor', 'transformer', 'explainer'];

/**
 * Predictor keys holding a container-like spec (PredictorExtensionSpec inlines corev1.Container);
 * the defaulting webhook turns each framework key into `model` with that `modelFormat.name`.
 */
const PREDICTOR_IMPLEMENTATIONS = ['model', 'sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'pmml', 'lightgbm', 'paddle'] as const;
/** Explainer implementations (ExplainerExtensionSpec inlines corev1.Container); `alibi` is gone from newer releases. */
const EXPLAINER_IMPLEMENTATIONS = ['art', 'alibi'] as const;

function annotation(object: K8sObject, key: string): Node {
  return object.root.get('metadata', 'annotations', key);
}

/** `serving.kserve.io/deploymentMode`: Serverless / Knative, RawDeployment / Standard, ModelMesh; absent means the cluster default. */
export function deploymentMode(object: K8sObject): Node {
  return annotation(object, DEPLOYMENT_MODE_ANNOTATION);
}

type Mode = 'knative' | 'raw' | 'modelmesh' | 'unknown';

function modeOf(object: K8sObject): Mode {
  const mode = deploymentMode(object).str();
  if (mode === 'Serverless' || mode === 'Knative') return 'knative';
  if (mode === 'RawDeployment' || mode === 'Standard') return 'raw';
  if (mode === 'ModelMesh') return 'modelmesh';
  return 'unknown';
}

/**
 * Knative gives a serving container a TCP readiness probe when none is written. With no annotation
 * the mode is the cluster's default (Serverless in older releases, Standard in newer): unknown, so
 * a missing readiness probe is not reported either.
 */
function readinessDefaulted(mode: Mode): readonly ProbeKind[] {
  return mode === 'knative' || mode === 'unknown' ? ['readiness'] : [];
}

/** The pod templates of an InferenceService: one per component, plus the multi-node predictor workers. */
export function inferenceServiceTemplates(object: K8sObject): PodTemplateLocation[] {
  const mode = modeOf(object);
  // ModelMesh serves the model from its own shared runtime pods: the InferenceService has none.
  if (mode === 'modelmesh') return [];
  const probes = readinessDefaulted(mode);
  const locations: PodTemplateLocation[] = [];
  for (const component of COMPONENTS) {
    const node = object.root.get('spec', component);
    if (!node.isMap()) continue;
    const implementations = implementationsOf(node, component);
    // The predictor's image comes from the ServingRuntime, the explainer's from the inferenceservice-config ConfigMap.
    const base = component === 'predictor' ? 'ServingRuntime' : 'inferenceservice-config';
    const extraContainers: ExtraContainerLocation[] = implementations.map(({ path }) => ({
      path: ['spec', component, ...path],
      name: KSERVE_CONTAINER,
      mergedOver: base,
      defaultProbes: probes,
      server: component === 'predictor',
    }));
    const containers = node.get('containers').items();
    const named = containers.some((container) => container.get('name').str() === KSERVE_CONTAINER);
    const facts = (container: Node, role: ContainerRole, index: number): ContainerFacts => {
      const name = container.get('name').str();
      if (implementations.length > 0) {
        // Beside an implementation, `kserve-container` or a container without an image overrides the base's container of that name.
        const overrides = name === KSERVE_CONTAINER || !container.get('image').exists;
        return { defaultProbes: probes, ...(overrides ? { mergedOver: base } : {}) };
      }
      // A custom component: the webhook names containers[0] `kserve-container` and fills its missing CPU / memory
      // (Custom{Predictor,Transformer}.Default); the predictor serves from `kserve-container`, else containers[0].
      const first = role === 'container' && index === 0;
      const server = component === 'predictor' && role === 'container' && (named ? name === KSERVE_CONTAINER : first);
      return { defaultProbes: probes, ...(first ? { defaultResources: true } : {}), ...(server ? { server: true } : {}) };
    };
    locations.push({ role: component, spec: ['spec', component], extraContainers, containerFacts: facts });
    if (component === 'predictor' && node.get('workerSpec').isMap()) {
      // Merged over the ServingRuntime's `workerSpec`.
      const workerFacts = (container: Node): ContainerFacts => (container.get('image').exists ? {} : { mergedOver: 'ServingRuntime' });
      locations.push({ role: 'predictor-worker', spec: ['spec', 'predictor', 'workerSpec'], containerFacts: workerFacts });
    }
  }
  return locations;
}

/** ServingRuntime / ClusterServingRuntime: `spec` inlines ServingRuntimePodSpec (containers, volumes, scheduling, hostIPC; no securityContext or service account). */
export function servingRuntimeTemplates(object: K8sObject): PodTemplateLocation[] {
  const named = object.root.get('spec', 'containers').items().some((container) => container.get('name').str() === KSERVE_CONTAINER);
  const facts = (container: Node, role: ContainerRole, index: number): ContainerFacts => {
    const server = role === 'container' && (named ? container.get('name').str() === KSERVE_CONTAINER : index === 0);
    // Whether Knative defaults readiness depends on the InferenceService that selects the runtime.
    return { defaultProbes: ['readiness'], ...(server ? { server: true } : {}) };
  };
  const locations: PodTemplateLocation[] = [{ role: 'runtime', spec: ['spec'], containerFacts: facts, podFieldsFrom: 'InferenceService' }];
  if (object.root.get('spec', 'workerSpec').isMap()) {
    locations.push({ role: 'runtime-worker', spec: ['spec', 'workerSpec'], containerFacts: facts, podFieldsFrom: 'InferenceService' });
  }
  return locations;
}

/** Container name the LLMInferenceServiceConfig templates (`kserve-config-llm-template`) give the model server. */
const LLM_MAIN_CONTAINER = 'main';

/**
 * LLMInferenceService (v1alpha1 / v1alpha2): WorkloadSpec inlined at `spec` (`template` = the main or
 * decode pod, or the head when `worker` is set) and again at `spec.prefill`. The controller merges
 * each template over the well-known LLMInferenceServiceConfigs and any `baseRefs`.
 */
export function llmInferenceServiceTemplates(object: K8sObject): PodTemplateLocation[] {
  const spec = object.root.get('spec');
  const baseRefs = spec.get('baseRefs').items().length > 0;
  const facts = (container: Node): ContainerFacts => {
    const main = container.get('name').str() === LLM_MAIN_CONTAINER;
    return { ...(baseRefs || main ? { mergedOver: 'LLMInferenceServiceConfig' } : {}), ...(main ? { server: true } : {}) };
  };
  const locations: PodTemplateLocation[] = [];
  const add = (role: string, path: readonly string[]): void => {
    if (!object.root.get(...path).isMap()) return;
    locations.push({ role, spec: path, containerFacts: facts, ...(baseRefs ? { podFieldsFrom: 'LLMInferenceServiceConfig' } : {}) });
  };
  add('main', ['spec', 'template']);
  add('worker', ['spec', 'worker']);
  add('prefill', ['spec', 'prefill', 'template']);
  add('prefill-worker', ['spec', 'prefill', 'worker']);
  return locations;
}

// ---------------------------------------------------------------------------------------------
// Readers for the ML rules. Pure functions of the object; every value is a located Node.

/** One implementation (`model`, a framework key, an explainer) inside a component. */
export interface IsvcImplementation {
  /** `model`, `sklearn`, `art`, … */
  readonly key: string;
  readonly node: Node;
  /** `modelFormat.name` for `model`; absent for a framework key, whose key names the format. */
  readonly modelFormat: Node;
  /** `runtime`: a ServingRuntime or ClusterServingRuntime name. */
  readonly runtime: Node;
  readonly storageUri: Node;
}

export interface IsvcComponent {
  readonly name: IsvcComponentName;
  readonly node: Node;
  readonly implementations: readonly IsvcImplementation[];
  /** `storageUri` of every implementation, the `storageUris[].uri` list, and `STORAGE_URI` env of the listed containers. */
  readonly storageUris: readonly Node[];
  /** ComponentExtensionSpec `logger` (`mode`, `url`): payload logging sink. */
  readonly logger: Node;
  readonly serviceAccountName: Node;
  /** The PodSpec's own `containers` (a custom predictor, transformer or sidecars). */
  readonly containers: readonly Node[];
}

function implementationsOf(component: Node, name: IsvcComponentName): Array<{ key: string; path: string[] }> {
  const keys: readonly string[] = name === 'predictor' ? PREDICTOR_IMPLEMENTATIONS : name === 'explainer' ? EXPLAINER_IMPLEMENTATIONS : [];
  return keys.filter((key) => component.get(key).isMap()).map((key) => ({ key, path: [key] }));
}

export function inferenceServiceComponents(object: K8sObject): IsvcComponent[] {
  const components: IsvcComponent[] = [];
  for (const name of COMPONENTS) {
    const node = object.root.get('spec', name);
    if (!node.isMap()) continue;
    const implementations = implementationsOf(node, name).map(({ key }): IsvcImplementation => {
      const spec = node.get(key);
      return { key, node: spec, modelFormat: spec.get('modelFormat', 'name'), runtime: spec.get('runtime'), storageUri: spec.get('storageUri') };
    });
    const containers = node.get('containers').items().filter((container) => container.isMap());
    const storageUris = [
      ...implementations.map((implementation) => implementation.storageUri).filter((uri) => uri.exists),
      ...node.get('storageUris').items().map((entry) => entry.get('uri')).filter((uri) => uri.exists),
      // A custom predictor asks the storage initializer for a model through this variable.
      ...containers.flatMap((container) => container.get('env').items().filter((env) => env.get('name').str() === 'STORAGE_URI').map((env) => env.get('value'))),
    ];
    components.push({ name, node, implementations, storageUris, logger: node.get('logger'), serviceAccountName: node.get('serviceAccountName'), containers });
  }
  return components;
}

/** The visibility labels that are written (values `cluster-local`, or `exposed` on OpenShift AI). */
export function visibilityLabels(object: K8sObject): Node[] {
  return VISIBILITY_LABELS.map((key) => object.root.get('metadata', 'labels', key)).filter((node) => node.exists);
}

export interface SupportedModelFormat {
  readonly node: Node;
  readonly name: Node;
  readonly version: Node;
  /** Only `true` lets KServe pick the runtime for an InferenceService that names no runtime. */
  readonly autoSelect: Node;
  readonly priority: Node;
}

export interface ServingRuntimeFacts {
  /** A ClusterServingRuntime serves every namespace. */
  readonly clusterScoped: boolean;
  readonly supportedModelFormats: readonly SupportedModelFormat[];
  readonly containers: readonly Node[];
  readonly multiModel: Node;
  readonly disabled: Node;
  readonly protocolVersions: Node;
}

export function servingRuntimeFacts(object: K8sObject): ServingRuntimeFacts {
  const spec = object.root.get('spec');
  return {
    clusterScoped: object.kind === 'ClusterServingRuntime',
    supportedModelFormats: spec
      .get('supportedModelFormats')
      .items()
      .map((node) => ({ node, name: node.get('name'), version: node.get('version'), autoSelect: node.get('autoSelect'), priority: node.get('priority') })),
    containers: spec.get('containers').items().filter((container) => container.isMap()),
    multiModel: spec.get('multiModel'),
    disabled: spec.get('disabled'),
    protocolVersions: spec.get('protocolVersions'),
  };
}

export interface InferenceGraphStep {
  /** The key of the graph node (`root` is the entry). */
  readonly nodeName: string;
  /** `Sequence`, `Switch`, `Ensemble` or `Splitter`. */
  readonly routerType: Node;
  readonly node: Node;
  readonly name: Node;
  /** An InferenceService in the graph's namespace… */
  readonly serviceName: Node;
  /** …or any URL the router calls. */
  readonly serviceUrl: Node;
  readonly weight: Node;
  readonly condition: Node;
}

/** InferenceGraph `spec.nodes.<name>.steps[]`; the graph has no pod template of its own to judge. */
export function inferenceGraphSteps(object: K8sObject): InferenceGraphStep[] {
  return object.root
    .get('spec', 'nodes')
    .entries()
    .flatMap(([nodeName, graphNode]) =>
      graphNode
        .get('steps')
        .items()
        .map((step) => ({
          nodeName,
          routerType: graphNode.get('routerType'),
          node: step,
          name: step.get('name'),
          serviceName: step.get('serviceName'),
          serviceUrl: step.get('serviceUrl'),
          weight: step.get('weight'),
          condition: step.get('condition'),
        })),
    );
}

export interface LlmInferenceServiceFacts {
  /** `spec.model.uri` (`hf://`, `s3://`, `pvc://`, …) and the LoRA adapters' URIs. */
  readonly modelUris: readonly Node[];
  readonly runtime: Node;
  readonly baseRefs: readonly Node[];
  /** `spec.router` (`route`, `gateway`, `ingress`, `scheduler`): how the model is exposed. */
  readonly router: Node;
}

export function llmInferenceServiceFacts(object: K8sObject): LlmInferenceServiceFacts {
  const spec = object.root.get('spec');
  return {
    modelUris: [spec.get('model', 'uri'), ...spec.get('model', 'lora', 'adapters').items().map((adapter) => adapter.get('uri'))].filter((uri) => uri.exists),
    runtime: spec.get('runtime'),
    baseRefs: spec.get('baseRefs').items(),
    router: spec.get('router'),
  };
}

/** KServe's cluster-wide settings ConfigMap (`constants.InferenceServiceConfigMapName`), in the operator's namespace. */
export const INFERENCE_SERVICE_CONFIG = 'inferenceservice-config';

/** The pod label KServe puts on every component of an InferenceService (`constants.InferenceServicePodLabelKey`). */
export const INFERENCE_SERVICE_POD_LABEL = 'serving.kserve.io/inferenceservice';

export interface KserveClusterConfig {
  readonly object: K8sObject;
  /** `deploy.defaultDeploymentMode`: the mode of an InferenceService without the annotation. */
  readonly defaultDeploymentMode: string | undefined;
  /** `ingress.disableIngressCreation`: RawDeployment gets no Ingress / HTTPRoute. */
  readonly disableIngressCreation: boolean | undefined;
  /** `ingress.ingressDomain`: `svc.cluster.local` keeps RawDeployment routes in the cluster. */
  readonly ingressDomain: string | undefined;
  /** `logger.defaultUrl`: the sink of a logger without `url`. */
  readonly loggerDefaultUrl: string | undefined;
}

/** The settings of an `inferenceservice-config` ConfigMap (JSON values; the documented copies carry `#` comments, which YAML reads). */
export function kserveClusterConfig(object: K8sObject): KserveClusterConfig | undefined {
  if (object.kind !== 'ConfigMap' || object.group !== '' || object.name !== INFERENCE_SERVICE_CONFIG) return undefined;
  const section = (key: string): Record<string, unknown> => {
    const text = object.root.get('data', key).str();
    if (text === undefined) return {};
    try {
      const value: unknown = yaml().parse(text, { prettyErrors: false });
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const deploy = section('deploy');
  const ingress = section('ingress');
  const logger = section('logger');
  const disable = ingress['disableIngressCreation'];
  return {
    object,
    defaultDeploymentMode: string(deploy['defaultDeploymentMode']),
    disableIngressCreation: typeof disable === 'boolean' ? disable : undefined,
    ingressDomain: string(ingress['ingressDomain']),
    loggerDefaultUrl: string(logger['defaultUrl']),
  };
}

/**
 * Labels KServe gives the pods of a component: the InferenceService's own labels, the component's
 * `labels`, `serving.kserve.io/inferenceservice: <name>` and `component: <predictor|transformer|explainer>`.
 */
export function inferenceServicePodLabels(object: K8sObject, component: IsvcComponentName): Record<string, string> {
  return {
    ...object.root.get('metadata', 'labels').stringRecord(),
    ...object.root.get('spec', component, 'labels').stringRecord(),
    [INFERENCE_SERVICE_POD_LABEL]: object.name ?? '',
    component,
  };
}
