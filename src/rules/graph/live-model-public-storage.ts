import { resourceId, servingGraph } from '../../graph/serving-graph.js';
import type { ServingGraph } from '../../graph/serving-graph.js';
import { sagemakerEndpoints } from '../../model/aws/sagemaker-endpoints.js';
import { azapiTypeOf, referencedResources } from '../../model/azure/azapi.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import { modelBucketPublic } from '../aws/model-bucket-public.js';
import { modelStorageAnonymousAccess } from '../azure/model-storage-anonymous-access.js';
import { reportsOf } from '../compose.js';
import type { RelatedHop, Report, Rule } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { formatMessage } from '../format-message.js';
import { modelBucketPublicIam } from '../gcp/model-bucket-public-iam.js';

/**
 * The storage rules' verdicts that mean "anyone can read or write it now" — not a protection left off that
 * would let a later policy take effect (IG-AWS-016 `blockOff`, IG-GCP-008): those stay with their rules.
 */
const PUBLIC: ReadonlyArray<{ readonly judge: Rule; readonly messageIds: readonly string[] }> = [
  { judge: modelBucketPublic, messageIds: ['publicPolicy', 'publicAcl'] },
  { judge: modelBucketPublicIam, messageIds: ['publicGrant'] },
  { judge: modelStorageAnonymousAccess, messageIds: ['containerPublic'] },
];

const ONLINE_ENDPOINT = /^microsoft\.machinelearningservices\/workspaces\/(onlineendpoints|serverlessendpoints)$/i;

export const liveModelPublicStorage = defineRule({
  meta: {
    id: 'IG-GRAPH-006',
    name: 'live-model-public-storage',
    title: 'Live model loaded from storage anyone can read or write',
    severity: 'critical',
    rationale:
      'A model that an endpoint serves right now is loaded from its bucket or container at every start and scale-out. When that storage is public — an S3 bucket policy or ACL open to everyone, a Cloud Storage grant to `allUsers` / `allAuthenticatedUsers`, an Azure blob container with anonymous access — anyone on the internet can download the weights (model theft) and, where the grant includes writes, replace the artifact that the next replica loads (supply-chain poisoning without touching the cluster). The storage rules (IG-AWS-016, IG-GCP-009, IG-AZ-012) report such storage when it holds models; this rule reports it when a live endpoint in the scan serves from it, with the path from the server to the public grant, and replaces their finding there.',
    remediation:
      'Make the storage private first: remove the public statement, ACL or grant (S3 Block Public Access on the bucket, Cloud Storage public access prevention `enforced`, Azure `allow_nested_items_to_be_public = false` and private containers), then grant read to the serving identity alone. Enable versioning, and serve models by immutable version with a verified digest or signature so a replaced object is noticed.',
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://cloud.google.com/storage/docs/public-access-prevention',
      'https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent',
      'https://atlas.mitre.org/techniques/AML.T0010.003',
    ],
    mappings: { stride: ['T', 'I'], atlas: ['AML.T0010.003', 'AML.T0048.004', 'AML.T0035'], owasp: ['ML05', 'ML06'], nist: ['AC-3', 'SI-7'] },
    targets: ['tf:aws_s3_bucket', 'tf:aws_s3_bucket_policy', 'tf:aws_s3_bucket_acl', 'tf:google_storage_bucket_iam_member', 'tf:google_storage_bucket_iam_binding', 'tf:azurerm_storage_container', 'model:Server'],
    fix: 'none',
    supersedes: ['IG-AWS-016', 'IG-GCP-009', 'IG-AZ-012'],
    messages: {
      publicLiveModel: '{{served}} loads its model from {{storage}}, which anyone can reach: {{why}}',
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_policy" "models" {
  bucket = aws_s3_bucket.models.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-models/*" }]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint" "scorer" {
  name                 = "scorer"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scorer.name
}
`,
      good: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_policy" "models" {
  bucket = aws_s3_bucket.models.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-models/*" }]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
`,
    },
  },
  create(context) {
    const { model, terraform } = context;
    return {
      end() {
        for (const { judge, messageIds } of PUBLIC) {
          for (const { report, subject } of reportsOf(judge, model, terraform)) {
            if (!messageIds.includes(report.messageId) || !subject) continue;
            const live = judge === modelBucketPublic ? liveS3Users(servingGraph(model, terraform), terraform, report) : judge === modelStorageAnonymousAccess ? liveAzureUsers(terraform, report) : liveGcsUsers(report);
            if (!live) continue;
            context.report({
              messageId: 'publicLiveModel',
              at: report.at,
              object: subject,
              severity: 'critical',
              data: { served: live.served, storage: live.storage, why: formatMessage(judge.meta.messages[report.messageId] ?? '', report.data) },
              related: live.hops,
            });
          }
        }
      },
    };
  },
});

interface Live {
  readonly served: string;
  readonly storage: string;
  readonly hops: readonly RelatedHop[];
}

/** The S3 bucket's artifacts that a Kubernetes model server or an endpoint's SageMaker model loads (serving graph). */
function liveS3Users(graph: ServingGraph, terraform: TerraformModel, report: Report): Live | undefined {
  const bucket = report.object as TfResource | undefined;
  if (!bucket) return undefined;
  const served = new Set(sagemakerEndpoints(terraform).flatMap((endpoint) => endpoint.models.map(resourceId)));
  const hops: RelatedHop[] = [];
  const users: string[] = [];
  for (const stored of graph.incoming(resourceId(bucket), 'stored-in')) {
    for (const loads of graph.incoming(stored.from, 'loads')) {
      const user = graph.node(loads.from);
      if (user.kind === 'sagemaker-model' && !served.has(user.id)) continue;
      if (!users.includes(user.label)) users.push(user.label);
      hops.push({ at: loads.at, message: `${user.label} loads its model from ${graph.node(stored.from).label}` });
      hops.push({ at: stored.at, message: `${graph.node(stored.from).label} is stored in ${graph.node(stored.to).label}` });
    }
  }
  if (users.length === 0) return undefined;
  return { served: describe(users), storage: graph.node(resourceId(bucket)).label, hops: unique(hops) };
}

/** IG-GCP-009 links a bucket only from the model servers that load from it: every such bucket is live. */
function liveGcsUsers(report: Report): Live | undefined {
  const uses = (report.related ?? []).filter((hop) => hop.message.startsWith('model loaded from'));
  if (uses.length === 0) return undefined;
  return { served: uses.length === 1 ? 'A model server' : `${uses.length} model servers`, storage: `Cloud Storage bucket ${String(report.data?.bucket ?? '')}`, hops: report.related ?? [] };
}

/** An Azure ML workspace container is live when an online endpoint of that workspace is in the scan. */
function liveAzureUsers(terraform: TerraformModel, report: Report): Live | undefined {
  const workspace = String(report.data?.workspace ?? '');
  // The report names its workspace by address: another root may hold a workspace at the same address.
  const root = (report.object as TfResource | undefined)?.rootDir;
  const endpoints = terraform
    .byType('tf:azapi_resource')
    .filter((resource) => ONLINE_ENDPOINT.test(azapiTypeOf(resource) ?? '') && referencedResources(terraform, resource.root.get('parent_id')).some((parent) => parent.address === workspace && parent.rootDir === root));
  if (endpoints.length === 0) return undefined;
  return {
    served: describe(endpoints.map((endpoint) => `Azure ML online endpoint ${endpoint.address}`)),
    storage: `storage container ${String(report.data?.address ?? '')} of workspace ${workspace}`,
    hops: endpoints.map((endpoint) => ({ at: endpoint.root.get('parent_id'), message: `online endpoint ${endpoint.address} of workspace ${workspace}` })),
  };
}

function describe(users: readonly string[]): string {
  return users.length <= 2 ? users.join(' and ') : `${users.slice(0, 2).join(', ')} and ${users.length - 2} more`;
}

function unique(hops: readonly RelatedHop[]): RelatedHop[] {
  return [...new Map(hops.map((hop) => [hop.message, hop])).values()];
}
