// A policy `Resource` written as `"${aws_s3_bucket.models.arn}/*"` is unknown until apply to Terraform,
// but an S3 bucket's ARN is `arn:aws:s3:::<bucket>` and its `id` the bucket name (provider docs): when the
// bucket's name is known, the pattern is too. Used to tell which model artifacts a statement takes in.
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { PolicyString } from '../iam/policy.js';
import type { TerraformModel } from '../terraform.js';

const INTERPOLATION = /\$\{\s*([^}]*?)\s*\}/g;
const BUCKET_ATTRIBUTE = /^(?:.*\.)?aws_s3_bucket\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.(arn|id|bucket)$/;

/**
 * The resource pattern a policy entry stands for: its value when known; for an unknown quoted template whose
 * every interpolation is an `aws_s3_bucket`'s `arn`, `id` or `bucket` with a known name, the template with
 * those filled in. Undefined otherwise.
 */
export function resourcePatternOf(entry: PolicyString, terraform: TerraformModel): string | undefined {
  if (entry.state === 'set') return entry.value;
  const cached = patterns.get(entry);
  if (cached !== undefined) return cached === NONE ? undefined : cached;
  const pattern = computePattern(entry, terraform);
  patterns.set(entry, pattern ?? NONE);
  return pattern;
}

const NONE = Symbol('none');
/** Policies are read once per scan but matched against every artifact: each unknown entry is rebuilt once. */
const patterns = new WeakMap<PolicyString, string | typeof NONE>();

function computePattern(entry: PolicyString, terraform: TerraformModel): string | undefined {
  const node = entry.node;
  const span = node.doc.spans.get(pointerOf(node.path));
  if (span === undefined) return undefined;
  const source = node.doc.file.text.slice(span.start, span.end);
  if (!/^"[^"]*"$/s.test(source)) return undefined;
  const buckets = node.references().filter((reference) => /(?:^|\.)aws_s3_bucket\.[^.]+$/.test(reference.address));
  let failed = false;
  const text = source.slice(1, -1).replace(INTERPOLATION, (_, expression: string) => {
    const match = BUCKET_ATTRIBUTE.exec(expression);
    const reference = match ? buckets.find((candidate) => candidate.address.endsWith(`aws_s3_bucket.${match[1] as string}`)) : undefined;
    const instance = reference ? terraform.instancesOf(reference.address, node).find((candidate) => reference.key === undefined || candidate.key === reference.key) : undefined;
    const name = instance?.root.get('bucket').str();
    if (!match || name === undefined) {
      failed = true;
      return '';
    }
    return match[2] === 'arn' ? `arn:aws:s3:::${name}` : name;
  });
  return failed || text.includes('${') ? undefined : text;
}
