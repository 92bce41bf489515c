// The identity policies rules IG-AWS-021 / 022 read, and where a finding about one of their
// statements points (one finding per location, whichever resource holds the statement).
import type { PolicyDocument } from './policy.js';
import { policiesOf } from './policy-sources.js';
import { resolverOf } from './roles.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';

/** Resources whose policies grant an identity permissions (not trust or resource policies). */
const IDENTITY_POLICY_TYPES = new Set(['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role']);

/** The identity policies a resource holds (a role's `inline_policy` blocks, not its trust policy). */
export function identityPoliciesOf(resource: TfResource, terraform: TerraformModel): PolicyDocument[] {
  if (resource.mode !== 'managed' || !IDENTITY_POLICY_TYPES.has(resource.resourceType)) return [];
  const documents: PolicyDocument[] = [];
  for (const source of policiesOf(resource, resolverOf(terraform))) {
    if (source.attribute !== 'assume_role_policy' && source.document !== 'unknown') documents.push(source.document);
  }
  return documents;
}

/** A key for a located value: a statement shared by two policies (one data source) is reported once. */
export function locationKey(node: Node): string {
  // Pointers are relative to a resource's document, and a file holds many resources.
  let id = documentIds.get(node.doc);
  if (id === undefined) documentIds.set(node.doc, (id = ++lastDocumentId));
  return `${node.doc.file.path}\u0000${id}\u0000${pointerOf(node.path)}`;
}

const documentIds = new WeakMap<Node['doc'], number>();
let lastDocumentId = 0;
