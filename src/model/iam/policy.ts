import type { Node } from '../value.js';

/**
 * One AWS IAM policy (identity policy, trust policy, bucket / key / repository policy), whatever
 * Terraform wrote it as: `aws_iam_policy_document` blocks, `jsonencode({...})`, a heredoc or a
 * plan's JSON string.
 *
 * Locations: every element keeps the `Node` it was read from, so a rule reports the exact line.
 * - From blocks or from a decoded object, that is the element's own node (the `actions` item, the
 *   `principals` block, the `Condition` key).
 * - From a JSON string (a heredoc, `jsonencode(...)` evaluated to text, a plan value, `file(...)`),
 *   the text has no spans of its own: every inner element points at the attribute holding the
 *   string (`policy`, `assume_role_policy`, `source_policy_documents[1]`).
 */
export interface PolicyDocument {
  /** `Version`, when written (or the data source's default `2012-10-17`). */
  readonly version: PolicyString | undefined;
  /** `Id` (`policy_id` of the data source). */
  readonly id: PolicyString | undefined;
  readonly statements: readonly PolicyStatement[];
  /**
   * Parts whose value is unknown until apply: a statement list, a statement, a source or override
   * document. Statements may be missing, and an unknown override document may replace a statement
   * that has a Sid, so a rule that proves something by the *absence* (or survival) of a statement
   * must treat a non-empty list as "cannot tell".
   */
  readonly incomplete: readonly Node[];
  /** The attribute (or data source body) the policy was read from. */
  readonly origin: Node;
}

export type PolicyEffect = 'Allow' | 'Deny' | 'unknown';

/** How a statement was written, which says how exact its nodes are (see `PolicyDocument`). */
export type PolicyForm = 'blocks' | 'object' | 'json-string';

export interface PolicyStatement {
  readonly sid: PolicyString | undefined;
  /** 'unknown' when unknown until apply or not one of AWS's two values. */
  readonly effect: PolicyEffect;
  /** Where the effect was written; the statement itself when it is the data source's default `Allow`. */
  readonly effectNode: Node;
  readonly actions: PolicyList;
  readonly notActions: PolicyList;
  readonly resources: PolicyList;
  readonly notResources: PolicyList;
  readonly principals: readonly PolicyPrincipal[];
  readonly notPrincipals: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
  readonly form: PolicyForm;
  /** The statement block / object, or the attribute holding the JSON string. */
  readonly node: Node;
}

/**
 * One string of a policy, as written (no action expansion, no case folding), or a value unknown
 * until apply. Numbers and booleans (`"Bool": {"aws:SecureTransport": false}`) are read as the text
 * AWS compares them as.
 */
export type PolicyString = { readonly state: 'set'; readonly value: string; readonly node: Node } | { readonly state: 'unknown'; readonly value: undefined; readonly node: Node };

/**
 * The entries of `Action` / `Resource` / condition values, whether written as one string or an
 * array. Empty when not written. An unknown list is one unknown entry at the list's node.
 */
export type PolicyList = readonly PolicyString[];

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser', '*'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/**
 * One principal identifier with its type. `"Principal": "*"` is `{ type: '*', value: '*' }`;
 * `{"AWS": "*"}` is `{ type: 'AWS', value: '*' }` (IAM treats them differently in trust policies).
 * `type` is 'unknown' when unknown until apply or not one AWS accepts.
 */
export type PolicyPrincipal = PolicyString & { readonly type: PrincipalType | 'unknown' };

/** `"Condition": { operator: { key: values } }`, one entry per operator and key. */
export interface PolicyCondition {
  /** `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists`, … as written. */
  readonly operator: PolicyString;
  /** The condition key: `aws:SourceArn`, `sts:ExternalId`, … */
  readonly key: PolicyString;
  readonly values: PolicyList;
  /** The condition block, the key's value in an object, or the attribute holding the JSON string. */
  readonly node: Node;
}

export function isPrincipalType(text: string): text is PrincipalType {
  return (PRINCIPAL_TYPES as readonly string[]).includes(text);
}

export function knownString(value: string, node: Node): PolicyString {
  return { state: 'set', value, node };
}

export function unknownString(node: Node): PolicyString {
  return { state: 'unknown', value: undefined, node };
}
