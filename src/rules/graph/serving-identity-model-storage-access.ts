import type { GraphEdge, GraphNode, ServingGraph } from '../../graph/serving-graph.js';
import { servingGraph } from '../../graph/serving-graph.js';
import { locationKey } from '../../model/iam/identity-policies.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

type MessageId = 'writesOwn' | 'writesOther' | 'readsOther';

export const servingIdentityModelStorageAccess = defineRule({
  meta: {
    id: 'IG-GRAPH-002',
    name: 'serving-identity-model-storage-access',
    title: 'Serving identity can overwrite its model, or reach another model’s artifacts',
    severity: 'high',
    rationale:
      'A model server runs code it does not fully control: a pickled model, a custom backend, a server CVE. The cloud identity its pods or endpoint act as (an IRSA or EKS Pod Identity role, a SageMaker execution role, a Google service account through GKE Workload Identity, an Azure managed identity through AKS Workload Identity) is the first thing such code uses. If that identity may write the bucket prefix or container the model is loaded from, one compromise becomes persistent, replicated model poisoning: every replica, every restart and the next scale-up load the replaced weights. If it may write or read the artifacts of another model, one tenant’s compromise poisons or steals another’s, and model isolation is only a naming convention. The graph links each model server to its identity (ServiceAccount annotation, Pod Identity association, trust policy, `execution_role_arn`, `roles/iam.workloadIdentityUser` grant, federated identity credential), the identity to what its grants allow (the S3 actions of its policies, from AWS’s own action catalogue with `Deny` and conditions counted; Cloud Storage roles on the bucket or its project; Azure Storage Blob Data roles on the container, account or resource group), and each model to the object it loads (`model_data_url`, `storageUri`, the server’s model flag).',
    remediation:
      'Give each serving identity read access to its own model prefix only, and publish models with a separate identity:\n\n```hcl\nstatement {\n  actions   = ["s3:GetObject"]\n  resources = ["arn:aws:s3:::models/fraud/*"]\n}\n```\n\nOn Google Cloud, grant `roles/storage.objectViewer` on the model\'s bucket (or managed folder) rather than `objectAdmin`, `objectUser`, `objectCreator` or a project-wide storage or basic role; on Azure, `Storage Blob Data Reader` on the model\'s container rather than `Contributor` / `Owner` or an account- or resource-group-wide assignment. Keep write access (`s3:PutObject`, `storage.objects.create`, blob write) on a CI or registry identity that no pod runs as, and turn on bucket versioning (or blob versioning) so a replaced object can be rolled back.',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
      'https://cloud.google.com/storage/docs/access-control/iam-roles',
      'https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles/storage',
      'https://atlas.mitre.org/techniques/AML.T0018',
    ],
    mappings: { stride: ['T', 'I'], atlas: ['AML.T0018.000', 'AML.T0076'], owasp: ['ML10'], nist: ['AC-6', 'SI-7'] },
    targets: [
      'graph:cloud-identity',
      'graph:artifact',
      'tf:aws_iam_role',
      'tf:aws_sagemaker_model',
      'tf:google_service_account',
      'tf:google_storage_bucket_iam_member',
      'tf:google_storage_bucket_iam_binding',
      'tf:google_storage_bucket_iam_policy',
      'tf:google_project_iam_member',
      'tf:google_project_iam_binding',
      'tf:google_project_iam_policy',
      'tf:azurerm_user_assigned_identity',
      'tf:azurerm_role_assignment',
      'k8s:ServiceAccount',
      'k8s:Workload',
    ],
    fix: 'none',
    messages: {
      writesOwn: "{{identity}}, the identity of {{servers}}, may write `{{uri}}`, the model it serves: code running in the server can replace the model every replica loads next.",
      writesOther: "{{identity}}, the identity of {{servers}}, may write `{{uri}}`, which {{others}} loads: one compromised server can poison another model.",
      readsOther: "{{identity}}, the identity of {{servers}}, may read `{{uri}}`, the artifacts of {{others}}: one compromised server can steal another model.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "scorer" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::models/scorer/*" }]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}
`,
      good: `resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "scorer" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::models/scorer/*" }]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const graph = servingGraph(context.model, context.terraform);
        const reported = new Set<string>();
        for (const identity of graph.ofKind('cloud-identity')) {
          const servers = serversOf(graph, identity);
          if (servers.length === 0) continue;
          for (const edge of graph.outgoing(identity.id)) {
            if (edge.kind !== 'can-write' && edge.kind !== 'can-read') continue;
            const artifact = graph.node(edge.to);
            const loaders = graph.incoming(artifact.id, 'loads').map((loads) => graph.node(loads.from));
            const own = loaders.some((loader) => servers.includes(loader));
            // Another root of the scan (another environment, another example) is another deployment: not a neighbour.
            const root = identity.subject && 'rootDir' in identity.subject ? identity.subject.rootDir : undefined;
            const others = loaders.filter((loader) => !servers.includes(loader) && !otherRoot(loader, root));
            const messageId: MessageId | undefined = edge.kind === 'can-write' ? (own ? 'writesOwn' : others.length > 0 ? 'writesOther' : undefined) : !own && others.length > 0 ? 'readsOther' : undefined;
            if (messageId === undefined) continue;
            const key = `${messageId}#${locationKey(edge.at)}#${artifact.id}`;
            if (reported.has(key)) continue;
            reported.add(key);
            context.report({
              messageId,
              at: edge.at,
              ...(identity.subject ? { object: identity.subject } : {}),
              severity: messageId === 'readsOther' ? 'medium' : 'high',
              data: { identity: describeIdentity(identity), servers: names(servers), uri: artifact.label, others: names(others) },
              related: pathTo(graph, servers, identity, edge, messageId === 'writesOwn' ? servers : others),
            });
          }
        }
      },
    };
  },
});

/** `IAM role 'aws_iam_role.fraud'`, `Google service account 'fraud@acme.iam.gserviceaccount.com'`, `Azure managed identity '…'`. */
function describeIdentity(identity: GraphNode): string {
  const match = /^(IAM role|Google service account|Azure managed identity) (.+)$/.exec(identity.label);
  return match ? `${match[1] as string} '${match[2] as string}'` : identity.label;
}

/** The model servers (workloads, SageMaker models) that act as this identity. */
function serversOf(graph: ServingGraph, identity: GraphNode): GraphNode[] {
  const servers: GraphNode[] = [];
  for (const assumes of graph.incoming(identity.id, 'assumes')) {
    const from = graph.node(assumes.from);
    if (from.kind === 'sagemaker-model') servers.push(from);
    else for (const runsAs of graph.incoming(from.id, 'runs-as')) servers.push(graph.node(runsAs.from));
  }
  return [...new Set(servers)];
}

function otherRoot(node: GraphNode, root: string | undefined): boolean {
  const subject = node.subject;
  return root !== undefined && subject !== undefined && 'rootDir' in subject && subject.rootDir !== undefined && subject.rootDir !== root;
}

function names(nodes: readonly GraphNode[]): string {
  const labels = nodes.map((node) => node.label.replace(/ \(.*\)$/, ''));
  return labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more`;
}

/** The hops: server → ServiceAccount → role (or SageMaker model → role), the grant, and where the model is loaded. */
function pathTo(graph: ServingGraph, servers: readonly GraphNode[], identity: GraphNode, grant: GraphEdge, loaders: readonly GraphNode[]): RelatedHop[] {
  const hops: RelatedHop[] = [];
  const server = servers[0];
  if (server) {
    for (const runsAs of graph.outgoing(server.id, 'runs-as').slice(0, 1)) hops.push({ at: runsAs.at, message: `${server.label} runs as ${graph.node(runsAs.to).label}` });
    const assumes = graph.incoming(identity.id, 'assumes').find((edge) => edge.from === server.id || graph.outgoing(server.id, 'runs-as').some((runsAs) => runsAs.to === edge.from));
    if (assumes) hops.push({ at: assumes.at, message: `${graph.node(assumes.from).label} acts as ${identity.label} (${assumes.label})` });
  }
  hops.push({ at: grant.at, message: `${identity.label} is allowed ${grant.label} on ${graph.node(grant.to).label}` });
  const loader = loaders[0];
  const loads = loader ? graph.outgoing(loader.id, 'loads').find((edge) => edge.to === grant.to) : undefined;
  if (loader && loads) hops.push({ at: loads.at, message: `${loader.label} loads its model from ${graph.node(grant.to).label}` });
  return hops;
}
