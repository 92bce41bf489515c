import { bucketParts, describeModelBucketUse, modelBucketEvidence, modelBuckets } from '../../model/aws/model-buckets.js';
import { policiesOf } from '../../model/iam/policy-sources.js';
import type { PolicyStatement } from '../../model/iam/policy.js';
import type { TerraformModel } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { resolverOf } from '../../model/iam/roles.js';
import { defineRule } from '../define-rule.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;
type Flag = (typeof FLAGS)[number];
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/** Condition keys that do not narrow who the caller is (S3 still calls such a policy public). */
const NON_RESTRICTING_KEYS = new Set(['aws:securetransport', 'aws:referer', 'aws:useragent', 'aws:currenttime', 'aws:epochtime', 'aws:multifactorauthpresent', 's3:signatureversion', 's3:tlsversion', 's3:x-amz-acl', 's3:x-amz-server-side-encryption', 's3:prefix', 's3:delimiter', 's3:max-keys']);

export const modelBucketPublic = defineRule({
  meta: {
    id: 'IG-AWS-016',
    name: 'model-bucket-public',
    title: 'Model artifact bucket not fully private',
    severity: 'high',
    rationale:
      'The bucket a SageMaker model loads its artifacts from, or that an endpoint writes captured requests and async responses to, is the model and its traffic at rest. A bucket policy that allows `Principal: "*"` without an organisation or VPC-endpoint condition, a public ACL, or a public access block that leaves a protection off, lets anyone on the internet download the weights and the captured prompts, or (with write actions) replace the model that the next endpoint instance loads. Critical when an endpoint in the scan serves the model or writes to the bucket. New buckets have every public-access protection on by default (since April 2023), so a missing `aws_s3_bucket_public_access_block` is not reported; one that is written sets every flag it leaves out to false.',
    remediation:
      'Attach `aws_s3_bucket_public_access_block` with `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` all `true`; grant the bucket policy to the execution roles (or the VPC endpoint, `aws:SourceVpce`, or your organisation, `aws:PrincipalOrgID`) instead of `*`, drop public ACLs, and deny requests without `aws:SecureTransport`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0035', 'AML.T0010.003'], owasp: ['ML05', 'ML06'], nist: ['AC-3', 'SC-7'] },
    targets: ['tf:aws_s3_bucket', 'tf:aws_s3_bucket_public_access_block', 'tf:aws_s3_bucket_policy', 'tf:aws_s3_bucket_acl'],
    fix: 'none',
    messages: {
      blockOff: "Bucket '{{address}}' holds {{use}}, and its public access block '{{block}}' leaves {{flags}} off: a public policy or ACL would take effect.",
      publicPolicy: "Bucket '{{address}}' holds {{use}}, and its policy ({{policy}}) allows {{principal}} without an organisation, account or VPC-endpoint condition: anyone can reach it.",
      publicAcl: "Bucket '{{address}}' holds {{use}}, and its ACL is `{{acl}}`: anyone can read it.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket            = aws_s3_bucket.models.id
  block_public_acls = true
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
`,
      good: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const terraform = context.terraform;
        const account = accountFlags(terraform);
        const resolve = resolverOf(terraform);
        for (const entry of modelBuckets(terraform, context.model)) {
          const { bucket } = entry;
          const base = { address: bucket.address, use: describeModelBucketUse(entry) };
          const severity = entry.live ? 'critical' : 'high';
          const blocks = bucketParts(terraform, bucket, 'aws_s3_bucket_public_access_block');
          // A flag is on when the account or any attached block turns it on.
          const on = (flag: Flag) => account.has(flag) || blocks.some((block) => block.root.get(flag).isTrue());
          const maybeOn = (flag: Flag) => on(flag) || blocks.some((block) => block.root.get(flag).state === 'unknown');
          for (const block of blocks) {
            const off = FLAGS.filter((flag) => !maybeOn(flag));
            if (off.length === 0) continue;
            const written = off.map((flag) => block.root.get(flag)).find((node) => node.isFalse());
            context.report({ messageId: 'blockOff', data: { ...base, block: block.address, flags: off.map((flag) => `\`${flag}\``).join(', ') }, at: written ?? block, object: bucket, severity, related: modelBucketEvidence(entry) });
          }
          if (!maybeOn('block_public_policy') && !maybeOn('restrict_public_buckets')) {
            for (const holder of [bucket, ...bucketParts(terraform, bucket, 'aws_s3_bucket_policy')]) {
              for (const source of policiesOf(holder, resolve)) {
                if (source.document === 'unknown') continue;
                for (const statement of source.document.statements) {
                  const principal = publicPrincipal(statement);
                  if (principal === undefined) continue;
                  context.report({ messageId: 'publicPolicy', data: { ...base, policy: `${holder.address} ${source.attribute}`, principal: principal.text }, at: principal.node, object: bucket, severity, related: modelBucketEvidence(entry) });
                }
              }
            }
          }
          if (!maybeOn('ignore_public_acls')) {
            const acls: Node[] = [bucket.root.get('acl'), ...bucketParts(terraform, bucket, 'aws_s3_bucket_acl').map((part) => part.root.get('acl'))];
            for (const acl of acls) {
              const value = acl.str();
              if (value !== undefined && PUBLIC_ACLS.has(value)) context.report({ messageId: 'publicAcl', data: { ...base, acl: value }, at: acl, object: bucket, severity, related: modelBucketEvidence(entry) });
            }
          }
        }
      },
    };
  },
});

/** `aws_s3_account_public_access_block` flags set to true: they apply to every bucket of the account. */
function accountFlags(terraform: TerraformModel): Set<Flag> {
  const flags = new Set<Flag>();
  for (const block of terraform.byType('tf:aws_s3_account_public_access_block')) {
    for (const flag of FLAGS) if (block.root.get(flag).isTrue()) flags.add(flag);
  }
  return flags;
}

/**
 * An Allow statement open to everyone: `"Principal": "*"` or `{"AWS": "*"}`, with no condition that
 * could narrow the caller. Unknown effects, principals or conditions never count.
 */
function publicPrincipal(statement: PolicyStatement): { text: string; node: Node } | undefined {
  if (statement.effect !== 'Allow') return undefined;
  const star = statement.principals.find((principal) => principal.state === 'set' && principal.value === '*' && (principal.type === '*' || principal.type === 'AWS'));
  if (star === undefined) return undefined;
  for (const condition of statement.conditions) {
    if (condition.key.state !== 'set' || condition.operator.state !== 'set') return undefined;
    if (!NON_RESTRICTING_KEYS.has(condition.key.value.toLowerCase())) return undefined;
  }
  return { text: star.type === '*' ? 'Principal "*"' : 'Principal {"AWS": "*"}', node: star.node };
}
