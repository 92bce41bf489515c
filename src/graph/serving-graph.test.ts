import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import { scanFiles } from '../pipeline/scan.js';
import type { ServingGraph } from './serving-graph.js';
import { servingGraph } from './serving-graph.js';

async function graphOf(path: string): Promise<ServingGraph> {
  const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
  const { models } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: [], failOn: 'none', today: '2026-11-29' });
  return servingGraph(models.kubernetes, models.terraform);
}

function edges(graph: ServingGraph, kind: string): string[] {
  return graph.edges.filter((edge) => edge.kind === kind).map((edge) => `${graph.node(edge.from).label} -> ${graph.node(edge.to).label}`);
}

test('the broken multi-model canary example: traffic, identities and artifacts in one graph, each edge located', async () => {
  const graph = await graphOf('examples/multi-model-canary/broken');
  // Traffic: the internet reaches the fraud canary through its Ingress and the debug load balancer, and ranker through the Istio VirtualService.
  const routes = edges(graph, 'routes');
  assert.ok(routes.includes('Internet -> Ingress models/fraud-canary'));
  assert.ok(routes.includes('Internet -> Service models/fraud-canary-debug'));
  assert.ok(routes.includes('Internet -> VirtualService models/ranker'));
  // Identity: pods → ServiceAccount → IAM role (IRSA annotation naming the role by ARN).
  assert.deepEqual(edges(graph, 'assumes').sort(), ['ServiceAccount models/fraud -> IAM role aws_iam_role.fraud', 'ServiceAccount models/ranker -> IAM role aws_iam_role.ranker']);
  // Artifacts: what each model loads, where it is stored, and who can read it — the fraud role reads ranker's prefix
  // through `"${aws_s3_bucket.models.arn}/*"`, known from the bucket's name.
  assert.deepEqual(edges(graph, 'stored-in').sort(), ['s3://acme-models/fraud -> S3 bucket acme-models', 's3://acme-models/ranker -> S3 bucket acme-models']);
  assert.deepEqual(edges(graph, 'can-read').sort(), [
    'IAM role aws_iam_role.fraud -> s3://acme-models/fraud',
    'IAM role aws_iam_role.fraud -> s3://acme-models/ranker',
    'IAM role aws_iam_role.ranker -> s3://acme-models/ranker',
  ]);
  for (const edge of graph.edges) assert.ok(edge.at.doc.spans.size > 0, `${edge.kind} ${edge.from} -> ${edge.to} has a location`);
});

test('a way in is marked authenticated when every path through it is: the canary Ingress takes its main Ingress\'s auth-url, the debug load balancer has none', async () => {
  const graph = await graphOf('examples/multi-model-canary/broken');
  const guarded = graph.edges.filter((edge) => edge.guard).map((edge) => `${graph.node(edge.from).label} -> ${graph.node(edge.to).label}`);
  assert.deepEqual(guarded, ['Internet -> Ingress models/fraud', 'Internet -> Ingress models/fraud-canary']);
  const canary = graph.edges.find((edge) => graph.node(edge.to).label === 'Ingress models/fraud-canary');
  assert.match(canary?.guard?.description ?? '', /auth-url/);
  assert.equal(graph.edges.find((edge) => graph.node(edge.to).label === 'Service models/fraud-canary-debug')?.guard, undefined);
});

const STORAGE_FIXTURES = 'src/rules/graph/__fixtures__/serving-identity-model-storage-access';

test('GKE: pods → KSA → Google service account (annotation, or a workloadIdentityUser grant alone) → the gs:// artifacts its bucket and project grants cover', async () => {
  const graph = await graphOf(`${STORAGE_FIXTURES}/fail-gke`);
  assert.deepEqual(edges(graph, 'assumes').sort(), [
    'ServiceAccount models/fraud -> Google service account fraud-serving@acme-ml.iam.gserviceaccount.com',
    'ServiceAccount models/ranker -> Google service account ranker-serving@acme-ml.iam.gserviceaccount.com',
  ]);
  assert.deepEqual(edges(graph, 'stored-in').sort(), ['gs://acme-fraud-models/fraud -> Cloud Storage bucket acme-fraud-models', 'gs://acme-ranker-models/ranker/v3 -> Cloud Storage bucket acme-ranker-models']);
  assert.deepEqual(edges(graph, 'can-write').sort(), [
    'Google service account fraud-serving@acme-ml.iam.gserviceaccount.com -> gs://acme-fraud-models/fraud',
    'Google service account ranker-serving@acme-ml.iam.gserviceaccount.com -> gs://acme-fraud-models/fraud',
    'Google service account ranker-serving@acme-ml.iam.gserviceaccount.com -> gs://acme-ranker-models/ranker/v3',
  ]);
  // The strongest grant wins: ranker's own objectViewer binding is not a second edge beside its project-wide write.
  assert.deepEqual(edges(graph, 'can-read'), ['Google service account fraud-serving@acme-ml.iam.gserviceaccount.com -> gs://acme-ranker-models/ranker/v3']);
  for (const edge of graph.edges) assert.ok(edge.at.doc.spans.size > 0, `${edge.kind} ${edge.from} -> ${edge.to} has a location`);
});

test('GKE: an account the scan does not create is a node named by its email, with no grant to draw; unknown members and projects draw nothing', async () => {
  const graph = await graphOf(`${STORAGE_FIXTURES}/pass-gke`);
  assert.ok(edges(graph, 'assumes').includes('ServiceAccount models/summarizer -> Google service account summarizer@other-ml.iam.gserviceaccount.com'));
  assert.deepEqual(edges(graph, 'can-write'), []);
  assert.deepEqual(edges(graph, 'can-read'), ['Google service account fraud-serving@acme-ml.iam.gserviceaccount.com -> gs://acme-fraud-models/fraud']);
});

test('AKS: pods → KSA → managed identity (client-id annotation, federated credential) → the blob artifacts its role assignments cover, stored in their containers', async () => {
  const graph = await graphOf(`${STORAGE_FIXTURES}/fail-aks`);
  assert.deepEqual(edges(graph, 'assumes').sort(), ['ServiceAccount models/fraud -> Azure managed identity azurerm_user_assigned_identity.fraud', 'ServiceAccount models/ranker -> Azure managed identity azurerm_user_assigned_identity.ranker']);
  assert.deepEqual(edges(graph, 'stored-in').sort(), ['as://acmemodels/fraud/repository -> Storage container acmemodels/fraud', 'https://acmemodels.blob.core.windows.net/ranker/v3 -> Storage container acmemodels/ranker']);
  assert.deepEqual(
    graph.edges.filter((edge) => edge.kind === 'can-write' || edge.kind === 'can-read').map((edge) => `${edge.kind} ${graph.node(edge.from).label} -> ${graph.node(edge.to).label} (${edge.label})`).sort(),
    [
      'can-read Azure managed identity azurerm_user_assigned_identity.fraud -> https://acmemodels.blob.core.windows.net/ranker/v3 (Storage Blob Data Reader (account))',
      'can-write Azure managed identity azurerm_user_assigned_identity.fraud -> as://acmemodels/fraud/repository (Storage Blob Data Contributor (container))',
      'can-write Azure managed identity azurerm_user_assigned_identity.ranker -> as://acmemodels/fraud/repository (Storage Blob Data Owner (resource group))',
      'can-write Azure managed identity azurerm_user_assigned_identity.ranker -> https://acmemodels.blob.core.windows.net/ranker/v3 (Storage Blob Data Owner (resource group))',
    ],
  );
});

test('a binding names the role of its own file when two files hold a role of that name, found by index', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferguard-rbac-'));
  try {
    const role = (verb: string, resource: string): string =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: model-reader }\nrules: [{ apiGroups: [""], resources: [${resource}], verbs: [${verb}] }]\n`;
    writeFileSync(join(dir, 'a.yaml'), role('get', 'secrets'));
    writeFileSync(
      join(dir, 'b.yaml'),
      `${role('get', 'configmaps')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: model-reader }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: model-reader }\nsubjects: [{ kind: ServiceAccount, name: triton, namespace: serving }]\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: triton, namespace: serving }\nspec:\n  serviceAccountName: triton\n  containers:\n    - name: triton\n      image: nvcr.io/nvidia/tritonserver:24.08-py3\n      args: ["tritonserver", "--model-repository=/models"]\n`,
    );
    const graph = await graphOf(dir);
    const bound = graph.edges.filter((edge) => edge.kind === 'bound-to').map((edge) => edge.to);
    assert.equal(bound.length, 1);
    assert.ok(bound[0]?.endsWith('b.yaml'), bound[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GKE: Editor on a domain-scoped project (example.com:acme-ml) reaches its buckets through their default projectEditor binding', async () => {
  const graph = await graphOf('src/graph/__fixtures__/gcp-domain-project');
  assert.deepEqual(edges(graph, 'can-write'), ['Google service account fraud-serving@acme-ml.example.com.iam.gserviceaccount.com -> gs://acme-fraud-models/fraud']);
});
