import type { ContainerFacts, K8sObject, PodTemplateLocation } from '../../kubernetes.js';
import type { Node } from '../../value.js';

// Seldon Core. v1 `machinelearning.seldon.io` SeldonDeployment: SeldonIO/seldon-core
// operator/apis/machinelearning.seldon.io/v1/seldondeployment_types.go (PredictorSpec, SeldonPodSpec,
// PredictiveUnit); default probes in the operator's controllers (`if con.LivenessProbe == nil`).
// v2 `mlops.seldon.io` Server / ServerConfig: operator/apis/mlops/v1alpha1/server_types.go,
// serverconfig_types.go.

export const SELDON_V1_GROUP = 'machinelearning.seldon.io';
export const SELDON_V2_GROUP = 'mlops.seldon.io';

/** One node of a predictor's inference graph (PredictiveUnit), children flattened. */
export interface SeldonGraphUnit {
  readonly node: Node;
  readonly name: Node;
  /** A prepackaged server (`SKLEARN_SERVER`, `TRITON_SERVER`, `MLFLOW_SERVER`, …) or absent for a user image. */
  readonly implementation: Node;
  readonly modelUri: Node;
  readonly type: Node;
  readonly envSecretRefName: Node;
  readonly serviceAccountName: Node;
  readonly parameters: Node;
}

export interface SeldonPredictor {
  readonly node: Node;
  readonly name: Node;
  readonly graph: Node;
  readonly units: readonly SeldonGraphUnit[];
  readonly componentSpecs: readonly Node[];
  readonly explainer: Node;
  readonly traffic: Node;
  readonly shadow: Node;
}

function graphUnits(unit: Node, out: SeldonGraphUnit[] = [], depth = 0): SeldonGraphUnit[] {
  // Graphs are shallow; the bound only stops a hostile document.
  if (!unit.isMap() || depth > 64) return out;
  out.push({
    node: unit,
    name: unit.get('name'),
    implementation: unit.get('implementation'),
    modelUri: unit.get('modelUri'),
    type: unit.get('type'),
    envSecretRefName: unit.get('envSecretRefName'),
    serviceAccountName: unit.get('serviceAccountName'),
    parameters: unit.get('parameters'),
  });
  for (const child of unit.get('children').items()) graphUnits(child, out, depth + 1);
  return out;
}

export function seldonPredictors(object: K8sObject): SeldonPredictor[] {
  return object.root
    .get('spec', 'predictors')
    .items()
    .map((predictor) => ({
      node: predictor,
      name: predictor.get('name'),
      graph: predictor.get('graph'),
      units: graphUnits(predictor.get('graph')),
      componentSpecs: predictor.get('componentSpecs').items(),
      explainer: predictor.get('explainer'),
      traffic: predictor.get('traffic'),
      shadow: predictor.get('shadow'),
    }));
}

/**
 * SeldonDeployment: one workload per `predictors[].componentSpecs[].spec`, role
 * `<predictor>/<index>`. A container named after a graph unit is that unit's server: the operator
 * gives it TCP readiness and liveness probes when it has none, and fills in the image of a
 * prepackaged server (`implementation`) when the container leaves it out.
 */
export function seldonDeploymentTemplates(object: K8sObject): PodTemplateLocation[] {
  const locations: PodTemplateLocation[] = [];
  seldonPredictors(object).forEach((predictor, p) => {
    const units = new Map(predictor.units.flatMap((unit) => (unit.name.str() === undefined ? [] : [[unit.name.str() as string, unit] as const])));
    const facts = (container: Node): ContainerFacts | undefined => {
      const unit = units.get(container.get('name').str() ?? '');
      if (!unit) return undefined;
      const prepackaged = unit.implementation.str() !== undefined && !container.get('image').exists;
      return { defaultProbes: ['readiness', 'liveness'], server: true, ...(prepackaged ? { mergedOver: 'prepackaged server' } : {}) };
    };
    const predictorName = predictor.name.str() ?? String(p);
    predictor.componentSpecs.forEach((_spec, c) => {
      locations.push({
        role: `${predictorName}/${c}`,
        spec: ['spec', 'predictors', p, 'componentSpecs', c, 'spec'],
        metadata: ['spec', 'predictors', p, 'componentSpecs', c, 'metadata'],
        containerFacts: facts,
      });
    });
  });
  return locations;
}

/** Seldon v2 ServerConfig: the whole pod (`spec.podSpec`) of the servers that name it. */
export function serverConfigTemplates(): PodTemplateLocation[] {
  return [{ role: 'server', spec: ['spec', 'podSpec'] }];
}

/**
 * Seldon v2 Server: `spec.podSpec` overrides the ServerConfig's pod (containers merged by name), so
 * what it leaves out, pod-level fields included, is the ServerConfig's.
 */
export function serverTemplates(): PodTemplateLocation[] {
  return [{ role: 'server', spec: ['spec', 'podSpec'], containerFacts: () => ({ mergedOver: 'ServerConfig' }), podFieldsFrom: 'ServerConfig' }];
}

export interface SeldonServerFacts {
  /** The ServerConfig (`mlserver`, `triton`, …) the server's pod is built from. */
  readonly serverConfig: Node;
  readonly podSpec: Node;
  /** `imageOverrides` of the `agent`, `rclone` and init containers. */
  readonly imageOverrides: Node;
  readonly replicas: Node;
}

export function seldonServerFacts(object: K8sObject): SeldonServerFacts {
  const spec = object.root.get('spec');
  return { serverConfig: spec.get('serverConfig'), podSpec: spec.get('podSpec'), imageOverrides: spec.get('imageOverrides'), replicas: spec.get('replicas') };
}
