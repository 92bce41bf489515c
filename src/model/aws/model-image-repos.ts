import type { KubernetesModel } from '../kubernetes.js';
import { modelServerOf } from '../model-servers.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { referencesResource } from '../terraform.js';

/** Where a model server's image comes from an ECR repository of the scan. */
export interface ModelImageUse {
  /** `SageMaker model 'aws_sagemaker_model.scorer'`, `vLLM container 'vllm' of Deployment serving/llm`. */
  readonly description: string;
  /** The image value. */
  readonly node: Node;
}

export interface ModelImageRepository {
  readonly repository: TfResource;
  readonly uses: readonly ModelImageUse[];
}

/** `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/scorer:1.4@sha256:…` → `team/scorer`. */
export function ecrRepositoryOfImage(image: string): string | undefined {
  const match = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@\s]+)/.exec(image);
  return match?.[1];
}

/**
 * The `aws_ecr_repository`s that hold model-server images: the image of an `aws_sagemaker_model`
 * container, or of a Kubernetes container recognised as a model server (catalogue A.0), refers to
 * the repository (`"${aws_ecr_repository.r.repository_url}:1.4"`) or is an ECR URI whose repository
 * path equals the repository's known `name`. Repositories nothing in the scan runs stay out:
 * whether they hold model servers cannot be told.
 */
export function modelImageRepositories(terraform: TerraformModel, kubernetes: KubernetesModel): ModelImageRepository[] {
  const repositories = terraform.byType('tf:aws_ecr_repository').filter((repository) => repository.mode === 'managed');
  if (repositories.length === 0) return [];
  const images: ModelImageUse[] = [];
  for (const model of terraform.byType('tf:aws_sagemaker_model')) {
    if (model.mode !== 'managed') continue;
    for (const block of ['primary_container', 'container']) {
      for (const container of model.root.get(block).items()) images.push({ description: `SageMaker model '${model.address}'`, node: container.get('image') });
    }
  }
  for (const workload of kubernetes.workloads) {
    for (const container of workload.containers) {
      const server = modelServerOf(container);
      if (server === undefined) continue;
      const object = workload.object;
      const name = object.namespace === undefined ? object.name : `${object.namespace}/${object.name}`;
      images.push({ description: `${server} container '${container.name}' of ${object.kind} ${name ?? ''}`.trim(), node: container.node.get('image') });
    }
  }
  const result: ModelImageRepository[] = [];
  for (const repository of repositories) {
    const uses = images.filter((image) => imageNamesRepository(terraform, image.node, repository));
    if (uses.length > 0) result.push({ repository, uses });
  }
  return result;
}

function imageNamesRepository(terraform: TerraformModel, node: Node, repository: TfResource): boolean {
  if (referencesResource(terraform, node, repository)) return true;
  const name = repository.root.get('name').str();
  const image = node.str();
  return name !== undefined && image !== undefined && ecrRepositoryOfImage(image) === name;
}
