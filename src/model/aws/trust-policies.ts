import { pointerOf } from '../../parse/kubernetes/types.js';
import type { PolicyPrincipal, PolicyStatement, PolicyString } from '../iam/policy.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';

/** Who issues the web identity tokens a `Federated` principal trusts. */
export type OidcIssuer = 'eks' | 'github' | 'other' | 'unknown';

const EKS_PROVIDER = /oidc-provider\/oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/id\//i;
const EKS_URL = /(?:^|\/\/)oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/id\//i;
const GITHUB = /token\.actions\.githubusercontent\.com/i;

/**
 * The issuer behind a `Federated` principal: a literal `arn:aws:iam::…:oidc-provider/<host>/…`, or a
 * reference to an `aws_iam_openid_connect_provider` (resource or data source) whose `url` is known or
 * is an EKS cluster's `identity[0].oidc[0].issuer`. 'unknown' when it cannot be told; SAML and
 * Cognito / web identity federation principals are 'other'.
 */
export function oidcIssuerOf(principal: PolicyPrincipal, terraform: TerraformModel): OidcIssuer {
  if (principal.type !== 'Federated') return 'other';
  if (principal.state === 'set') {
    if (EKS_PROVIDER.test(principal.value)) return 'eks';
    if (GITHUB.test(principal.value)) return 'github';
    // Another OIDC provider, a SAML provider, Cognito or a public identity provider.
    return 'other';
  }
  const providers = principal.node.references().flatMap((reference) => terraform.instancesOf(reference.address, principal.node).filter((resource) => resource.resourceType === 'aws_iam_openid_connect_provider' && (reference.key === undefined || reference.key === resource.key)));
  // A json-string policy's principals all point at the attribute: its references are the whole policy's.
  if (providers.length !== 1) return 'unknown';
  return issuerOfProvider(providers[0] as TfResource);
}

function issuerOfProvider(provider: TfResource): OidcIssuer {
  const url = provider.root.get('url');
  const text = url.str();
  if (text !== undefined) return EKS_URL.test(text) ? 'eks' : GITHUB.test(text) ? 'github' : 'other';
  return url.references().some((reference) => /(?:^|\.)aws_eks_cluster\.[^.]+$/.test(reference.address) && reference.attribute[0] === 'identity') ? 'eks' : 'unknown';
}

/**
 * Whether a condition key ends with `:<suffix>` (`:sub`, `:aud`; case-insensitive, as IAM compares
 * keys). A key unknown until apply is read from its source when it is a template whose literal end is
 * known: `"${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"`. 'unknown' otherwise.
 */
export function conditionKeyEndsWith(key: PolicyString, suffix: string): boolean | 'unknown' {
  const wanted = `:${suffix.toLowerCase()}`;
  if (key.state === 'set') return key.value.toLowerCase().endsWith(wanted);
  const tail = knownTemplateTail(key.node);
  return tail === undefined ? 'unknown' : tail.toLowerCase().endsWith(wanted);
}

/** The literal text after the last interpolation of a quoted template, from the source. */
function knownTemplateTail(node: Node): string | undefined {
  const span = node.doc.spans.get(pointerOf(node.path));
  if (span === undefined) return undefined;
  const text = node.doc.file.text.slice(span.start, span.end);
  const match = /^"(?:.*)\}([^"${}]*)"$/s.exec(text);
  return match?.[1];
}

/** The statement may let its principals call `sts:AssumeRole*` (actions unknown, `*`, `sts:*` included). */
export function mayAssume(statement: PolicyStatement, action = /^(?:\*|sts:\*|sts:assumerole\w*)$/i): boolean {
  if (statement.notActions.length > 0) return true;
  return statement.actions.length === 0 || statement.actions.some((entry) => entry.state === 'unknown' || action.test(entry.value) || entry.value.includes('?') || /^sts:assume\*/i.test(entry.value));
}
