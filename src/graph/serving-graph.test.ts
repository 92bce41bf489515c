import assert from 'node:assert/strict';
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
