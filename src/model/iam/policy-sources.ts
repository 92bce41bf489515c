import type { TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import type { PolicyDocument } from './policy.js';
import { policyOfAttribute } from './policy-document.js';
import type { ResolveResource } from './policy-document.js';

/**
 * The attributes that hold a policy document, by resource type. Managed policy attachments
 * (`aws_iam_role_policy_attachment`, `aws_iam_policy_attachment`, `aws_iam_role.managed_policy_arns`)
 * point at a policy by ARN rather than holding one; they belong to the graph (issue 5).
 */
const POLICY_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['aws_ecr_repository_policy', ['policy']],
  ['aws_iam_group_policy', ['policy']],
  ['aws_iam_policy', ['policy']],
  ['aws_iam_role', ['assume_role_policy', 'inline_policy.policy']],
  ['aws_iam_role_policy', ['policy']],
  ['aws_iam_user_policy', ['policy']],
  ['aws_kms_key', ['policy']],
  // Deprecated in favour of aws_s3_bucket_policy, still accepted by the provider.
  ['aws_s3_bucket', ['policy']],
  ['aws_s3_bucket_policy', ['policy']],
  ['aws_sagemaker_model_package_group_policy', ['resource_policy']],
]);

export interface PolicySource {
  /** The attribute as a path: `policy`, `assume_role_policy`, `inline_policy[1].policy`. */
  readonly attribute: string;
  /** 'unknown' when the value is unknown until apply (and not a followable data source) or not a valid policy. */
  readonly document: PolicyDocument | 'unknown';
}

/** Whether `policiesOf` reads this resource type. */
export function holdsPolicies(resourceType: string): boolean {
  return POLICY_ATTRIBUTES.has(resourceType);
}

/**
 * Every policy document a resource holds, in attribute order; attributes not written are left out.
 * A value that is `data.aws_iam_policy_document.x.json` (unknown, or known and equal to what the
 * data source renders) is read from the data source's blocks, through `resolve`, so its statements
 * point at the `statement` blocks; any other string is parsed (elements at the attribute).
 */
export function policiesOf(resource: TfResource, resolve: ResolveResource): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const attribute of POLICY_ATTRIBUTES.get(resource.resourceType) ?? []) {
    for (const { label, node } of attributeNodes(resource.root, attribute)) {
      if (!node.isWritten()) continue;
      sources.push({ attribute: label, document: policyOfAttribute(node, resolve) });
    }
  }
  return sources;
}

/** `inline_policy.policy` is an attribute of each `inline_policy` block. */
function attributeNodes(root: Node, attribute: string): Array<{ label: string; node: Node }> {
  const [block, name] = attribute.split('.') as [string, string | undefined];
  if (name === undefined) return [{ label: block, node: root.get(block) }];
  const list = root.get(block);
  // Unknown blocks (a `dynamic` over an unknown collection): their policies cannot be listed.
  if (list.state === 'unknown') return [{ label: `${block}[*].${name}`, node: list }];
  return list.items().map((item, index) => ({ label: `${block}[${index}].${name}`, node: item.get(name) }));
}
