import type { ParsedDocument, TerraformReference } from '../parse/kubernetes/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { Node } from './value.js';
import { appendTo } from './collections.js';

/**
 * One instance of a Terraform resource or data source, evaluated: what Terraform would send to the
 * provider, as a located document so that rules read it with the same `Node` API as a manifest.
 *
 * Lowering of the configuration into `doc.value` (the shape of `terraform show -json` values):
 * - attributes by name, with their evaluated values (objects, lists, strings, numbers, bools, null);
 * - nested blocks (and `dynamic` blocks, expanded) as an array of objects under the block type, in
 *   source order: `vpc_config { … }` → `vpc_config: [{ … }]`;
 * - meta-arguments (`count`, `for_each`, `provider`, `depends_on`, `lifecycle`, `provisioner`,
 *   `connection`) are not part of the value;
 * - a value known only at apply is `null` in `value` and listed in `doc.terraform.unknown`;
 * - `doc.spans` maps each pointer to the expression that produced it (key = the attribute name or
 *   the block type), in `doc.file`: the file of the resource block, also inside a module.
 */
export interface TfResource {
  /** Namespaced kind literal: `tf:aws_s3_bucket`, `tf:data.aws_iam_policy_document`. */
  readonly type: `tf:${string}`;
  readonly mode: 'managed' | 'data';
  /** Provider type: `aws_s3_bucket`. */
  readonly resourceType: string;
  /** The resource's name label: `b` in `resource "aws_s3_bucket" "b"`. */
  readonly name: string;
  /** Full instance address: `module.serving.aws_sagemaker_model.this[0]`, `aws_s3_bucket.b["logs"]`. */
  readonly address: string;
  /** Address without the instance key (what references name): `module.serving.aws_sagemaker_model.this`. */
  readonly configAddress: string;
  /** `count.index` or `each.key`; undefined for a single instance. */
  readonly key: string | number | undefined;
  /** Module call names from the root: `['serving']` for `module.serving.…`. */
  readonly modulePath: readonly string[];
  readonly file: SourceFile;
  readonly doc: ParsedDocument;
  /** The evaluated body. */
  readonly root: Node;
  /** Where the values come from. */
  readonly source: 'configuration' | 'plan';
  /**
   * The root module (directory) or plan file it was evaluated under. Two roots of one scan (`envs/dev`,
   * `envs/prod`) hold resources with the same addresses: a reference resolves within its own root.
   */
  readonly rootDir?: string;
}

/** Something the Terraform adapter could not do, reported once (a remote module not downloaded, a cycle). */
export interface TerraformNotice {
  /** `module-not-expanded`, `module-cycle`, `module-depth`, `missing-file`, `eval-limit`, … */
  readonly code: string;
  readonly message: string;
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

/** Everything the Terraform side of the model holds. */
export interface TerraformModel {
  /** Sorted by address. */
  readonly resources: readonly TfResource[];
  /** Resources by namespaced kind literal. */
  byType(type: `tf:${string}`): readonly TfResource[];
  /** A resource instance by its full address. */
  byAddress(address: string): TfResource | undefined;
  /**
   * All instances of a configuration address (a reference's `address`); with `near` (the value holding the
   * reference, or its resource), those of the same root when any is.
   */
  instancesOf(configAddress: string, near?: Node | TfResource): readonly TfResource[];
  /** The resource whose evaluated body a document is. */
  resourceOfDoc(doc: ParsedDocument): TfResource | undefined;
  readonly notices: readonly TerraformNotice[];
}

/** Indexes resources (from configuration and plans alike) into a model. */
export function buildTerraformModel(resources: readonly TfResource[], notices: readonly TerraformNotice[] = []): TerraformModel {
  const sorted = [...resources].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : compareText(a.file.path, b.file.path)));
  const byType = new Map<string, TfResource[]>();
  const byAddress = new Map<string, TfResource>();
  const byConfigAddress = new Map<string, TfResource[]>();
  const byDoc = new Map<ParsedDocument, TfResource>();
  for (const resource of sorted) {
    byDoc.set(resource.doc, resource);
    appendTo(byType, resource.type, resource);
    appendTo(byConfigAddress, resource.configAddress, resource);
    // A plan and its configuration may both be scanned: the first (configuration sorts by file) wins the address.
    if (!byAddress.has(resource.address)) byAddress.set(resource.address, resource);
  }
  return {
    resources: sorted,
    byType: (type) => byType.get(type) ?? [],
    byAddress: (address) => byAddress.get(address),
    instancesOf: (configAddress, near) => {
      const all = byConfigAddress.get(configAddress) ?? [];
      if (near === undefined || all.length < 2) return all;
      const from = 'doc' in near && 'address' in near ? near : byDoc.get(near.doc);
      if (from?.rootDir === undefined) return all;
      const same = all.filter((candidate) => candidate.rootDir === from.rootDir);
      return same.length > 0 ? same : all;
    },
    resourceOfDoc: (doc) => byDoc.get(doc),
    notices,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/**
 * Whether a value references this resource instance, within the value's own Terraform root: two roots of one
 * scan (environments, examples) may hold the same address. A value whose resource is not known matches by address.
 */
export function referencesResource(terraform: TerraformModel, node: Node, resource: TfResource): boolean {
  const references = node.references();
  if (references.length === 0) return false;
  const from = terraform.resourceOfDoc(node.doc);
  if (from?.rootDir !== undefined && resource.rootDir !== undefined && from.rootDir !== resource.rootDir) return false;
  return references.some((reference) => refersTo(reference, resource));
}

/** Whether a reference (`aws_s3_bucket.models`, `aws_s3_bucket.models["a"]`) names this resource instance. */
export function refersTo(reference: TerraformReference, resource: TfResource): boolean {
  return reference.address === resource.configAddress && (reference.key === undefined || reference.key === resource.key);
}
