// Which endpoint configurations and models an `aws_sagemaker_endpoint` serves: the endpoint names the
// configuration (`endpoint_config_name`), whose production and shadow variants name the models
// (`model_name`), by reference or by their known name.
import type { TerraformModel, TfResource } from '../terraform.js';
import { refersTo } from '../terraform.js';
import type { Node } from '../value.js';

export interface SageMakerEndpoint {
  readonly endpoint: TfResource;
  readonly configs: readonly TfResource[];
  readonly models: readonly TfResource[];
  /** Each variant: its block (`production_variants` / `shadow_production_variants`), the block item and the models it names. */
  readonly variants: ReadonlyArray<{ readonly config: TfResource; readonly shadow: boolean; readonly node: Node; readonly models: readonly TfResource[] }>;
}

const cache = new WeakMap<TerraformModel, readonly SageMakerEndpoint[]>();

export function sagemakerEndpoints(terraform: TerraformModel): readonly SageMakerEndpoint[] {
  let endpoints = cache.get(terraform);
  if (!endpoints) cache.set(terraform, (endpoints = build(terraform)));
  return endpoints;
}

function build(terraform: TerraformModel): SageMakerEndpoint[] {
  const configs = byName(terraform.byType('tf:aws_sagemaker_endpoint_configuration').filter((config) => config.mode === 'managed'));
  const models = byName(terraform.byType('tf:aws_sagemaker_model').filter((model) => model.mode === 'managed'));
  const out: SageMakerEndpoint[] = [];
  for (const endpoint of terraform.byType('tf:aws_sagemaker_endpoint')) {
    if (endpoint.mode !== 'managed') continue;
    const served = resourcesNamedBy(terraform, endpoint.root.get('endpoint_config_name'), configs);
    const variants: Array<SageMakerEndpoint['variants'][number]> = [];
    for (const config of served) {
      for (const block of ['production_variants', 'shadow_production_variants']) {
        for (const variant of config.root.get(block).items()) variants.push({ config, shadow: block === 'shadow_production_variants', node: variant, models: resourcesNamedBy(terraform, variant.get('model_name'), models) });
      }
    }
    out.push({ endpoint, configs: served, models: [...new Set(variants.flatMap((variant) => variant.models))], variants });
  }
  return out;
}

interface NamedResources {
  readonly all: ReadonlySet<TfResource>;
  readonly byName: ReadonlyMap<string, readonly TfResource[]>;
}

function byName(resources: readonly TfResource[]): NamedResources {
  const index = new Map<string, TfResource[]>();
  for (const resource of resources) {
    const name = resource.root.get('name').str();
    if (name === undefined) continue;
    const list = index.get(name) ?? [];
    list.push(resource);
    index.set(name, list);
  }
  return { all: new Set(resources), byName: index };
}

/** The candidates a value names: by reference (through the model's address index) or by known `name`. */
function resourcesNamedBy(terraform: TerraformModel, node: Node, candidates: NamedResources): TfResource[] {
  const named = new Set<TfResource>();
  for (const reference of node.references()) {
    for (const resource of terraform.instancesOf(reference.address, node)) if (candidates.all.has(resource) && refersTo(reference, resource)) named.add(resource);
  }
  const text = node.str();
  if (text !== undefined) for (const resource of candidates.byName.get(text) ?? []) named.add(resource);
  return [...named];
}
