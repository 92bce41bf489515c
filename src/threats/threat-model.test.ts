import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import type { Finding } from '../findings/finding.js';
import { servingGraph } from '../graph/serving-graph.js';
import { scanFiles } from '../pipeline/scan.js';
import { renderThreatsJson, renderThreatsMarkdown, threatsJson } from '../report/threats.js';
import type { ThreatsJsonEndpoint } from '../report/threats.js';
import { RULES } from '../rules/index.js';
import { BROKEN_EXAMPLE, FIXED_EXAMPLE, HOSTILE_NAME, hostileExample } from '../testing/html-pictures.js';
import type { EndpointThreatModel } from './threat-model.js';
import { buildThreatModel, THREATS, threatsOf } from './threat-model.js';

async function threatModelOf(path: string): Promise<EndpointThreatModel[]> {
  const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
  const { result, models, subjectOf } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'none', today: '2026-11-29' });
  return buildThreatModel({ model: models.kubernetes, terraform: models.terraform, graph: servingGraph(models.kubernetes, models.terraform), findings: result.findings, subjectOf });
}

function endpoint(models: readonly EndpointThreatModel[], name: string): ThreatsJsonEndpoint {
  const found = threatsJson(models, { toolVersion: '0.0.0-test', incomplete: false }).endpoints.find((candidate) => candidate.name.startsWith(name));
  assert.ok(found, `no endpoint ${name}`);
  return found;
}

/** `S1 open`, and each mitigation as `id state file:line…` with the example directory cut off. */
function digest(found: ThreatsJsonEndpoint, threatId: string): string[] {
  const threat = found.threats.find((candidate) => candidate.id === threatId);
  assert.ok(threat);
  return [
    `${threat.id} ${threat.status}`,
    ...threat.mitigations.map((mitigation) => `${mitigation.id} ${mitigation.state}${mitigation.evidence.map((item) => ` ${item.file.replace(/^examples\/[^/]+\/[^/]+\//, '')}:${item.line}`).join('')}`),
    ...threat.findings.map((finding) => `finding ${finding.ruleId} ${finding.file.replace(/^examples\/[^/]+\/[^/]+\//, '')}:${finding.line}`),
  ];
}

test('threats: the broken canary — the fraud canary is open to the internet, its role reads the other model, nothing blocks the metadata endpoint', async () => {
  const models = await threatModelOf(BROKEN_EXAMPLE);
  assert.deepEqual(
    models.map((model) => model.endpoint.name),
    [
      'Deployment models/fraud-canary (NVIDIA Triton Inference Server)',
      'Deployment models/fraud-primary (NVIDIA Triton Inference Server)',
      'Deployment models/ranker-v1 (NVIDIA Triton Inference Server)',
      'Deployment models/ranker-v2 (NVIDIA Triton Inference Server)',
    ],
  );
  const canary = endpoint(models, 'Deployment models/fraud-canary');
  assert.deepEqual(digest(canary, 'S1'), ['S1 open', 'authenticated-entry missing k8s/fraud.yaml:156', 'mesh-mtls missing', 'finding IG-K8S-014 k8s/fraud.yaml:153']);
  // Model A's role reads model B's prefix: seen from model B (ranker), another identity can read its model.
  const ranker = endpoint(models, 'Deployment models/ranker-v1');
  assert.deepEqual(digest(ranker, 'I1').slice(0, 2), ['I1 open', 'others-cannot-read-model missing terraform/main.tf:80']);
  // Both fraud Deployments act as the fraud role, which may not write its own model.
  assert.equal(digest(canary, 'T1')[1], 'identity-cannot-write-model present terraform/main.tf:67');
  assert.equal(canary.threats.find((threat) => threat.id === 'T1')?.findings.some((finding) => finding.ruleId === 'IG-GRAPH-001'), true);
  // Every threat of the canary has a finding: it is the weakest variant.
  assert.deepEqual(
    canary.threats.map((threat) => `${threat.id} ${threat.status}`),
    ['S1 open', 'T1 open', 'T2 open', 'R1 unverified', 'I1 open', 'I2 open', 'D1 open', 'E1 open'],
  );
});

test('threats: the fixed canary — isolation, metadata, identity and image mitigations present, each with the line that shows it', async () => {
  const models = await threatModelOf(FIXED_EXAMPLE);
  const canary = endpoint(models, 'Deployment models/fraud-canary');
  assert.ok(canary.threats.every((threat) => threat.status !== 'open'), 'no finding opens a threat: the fixed variant scans clean');
  assert.deepEqual(digest(canary, 'I2'), ['I2 mitigated', 'metadata-blocked present k8s/network-policies.yaml:7 k8s/network-policies.yaml:52', 'token-not-mounted present k8s/fraud.yaml:74']);
  assert.deepEqual(digest(canary, 'T1'), ['T1 mitigated', 'identity-cannot-write-model present terraform/main.tf:67']);
  assert.equal(digest(canary, 'E1')[0], 'E1 mitigated');
  assert.equal(digest(canary, 'S1')[1], 'authenticated-entry present k8s/fraud.yaml:134');
});

test('threats: SageMaker — IAM-signed invocation, an execution role that may overwrite the model; the hardened variant mitigates them', async () => {
  const vulnerable = endpoint(await threatModelOf('examples/sagemaker/vulnerable'), 'aws_sagemaker_endpoint.scorer');
  assert.deepEqual(digest(vulnerable, 'S1'), ['S1 mitigated', 'iam-signed-invocation present main.tf:96']);
  assert.deepEqual(digest(vulnerable, 'T1').slice(0, 2), ['T1 open', 'identity-cannot-write-model missing modules/serving-role/main.tf:39']);
  // Data capture is on; what it writes is IG-AWS-004's (no key of its own), which opens the threat.
  assert.equal(digest(vulnerable, 'R1')[1], 'request-logging present main.tf:83');
  const hardened = endpoint(await threatModelOf('examples/sagemaker/hardened'), 'aws_sagemaker_endpoint.scorer');
  for (const id of ['S1', 'T1', 'T2', 'R1', 'I1', 'I2']) assert.equal(digest(hardened, id)[0], `${id} mitigated`, id);
});

test('threats: Vertex AI and Azure ML endpoints are modelled with the controls their resources show', async () => {
  const vertex = endpoint(await threatModelOf('examples/vertex-ai/hardened'), 'google_vertex_ai_endpoint.churn');
  assert.equal(vertex.platform, 'vertex-ai');
  assert.deepEqual(
    vertex.threats.find((threat) => threat.id === 'I1')?.mitigations.map((mitigation) => `${mitigation.id} ${mitigation.state}`),
    ['endpoint-cmek present'],
  );
  const azure = endpoint(await threatModelOf('examples/azure-ml/vulnerable'), 'module.endpoint.azapi_resource.endpoint');
  assert.equal(azure.platform, 'azure-ml');
  assert.equal(digest(azure, 'S1')[0], 'S1 open');
});

test('threats: GKE pods — the Google service account they act as may overwrite the model, another model\'s reads it (serving graph edges); an account not created in the scan leaves it unknown', async () => {
  const fixtures = 'src/rules/graph/__fixtures__/serving-identity-model-storage-access';
  const mitigation = (found: ThreatsJsonEndpoint, threatId: string, id: string): string => {
    const item = found.threats.find((threat) => threat.id === threatId)?.mitigations.find((candidate) => candidate.id === id);
    assert.ok(item, `${threatId} ${id}`);
    return `${item.state}${item.evidence.map((evidence) => ` ${evidence.file.replace(`${fixtures}/`, '')}:${evidence.line}`).join('')}`;
  };
  const broken = await threatModelOf(`${fixtures}/fail-gke`);
  const fraud = endpoint(broken, 'Deployment models/fraud');
  assert.equal(mitigation(fraud, 'T1', 'identity-cannot-write-model'), 'missing fail-gke/main.tf:33');
  assert.ok(fraud.threats.find((threat) => threat.id === 'T1')?.findings.some((finding) => finding.ruleId === 'IG-GRAPH-002' && finding.line === 33));
  assert.equal(mitigation(endpoint(broken, 'InferenceService models/ranker'), 'I1', 'others-cannot-read-model'), 'missing fail-gke/main.tf:43');
  const clean = await threatModelOf(`${fixtures}/pass-gke`);
  assert.equal(mitigation(endpoint(clean, 'Deployment models/fraud'), 'T1', 'identity-cannot-write-model'), 'present pass-gke/main.tf:21');
  assert.equal(mitigation(endpoint(clean, 'InferenceService models/summarizer'), 'T1', 'identity-cannot-write-model'), 'unknown');
});

test('threats: a finding joins the threats of its STRIDE letters, by shared ATLAS technique, else the letter\'s first', () => {
  const finding = (stride: string[], atlas: string[]): Finding => ({ mappings: { stride, atlas } }) as unknown as Finding;
  assert.deepEqual(threatsOf(finding(['I'], ['AML.T0055'])).map((threat) => threat.id), ['I2']);
  assert.deepEqual(threatsOf(finding(['I'], ['AML.T9999'])).map((threat) => threat.id), ['I1']);
  assert.deepEqual(threatsOf(finding(['T', 'E'], ['AML.T0050'])).map((threat) => threat.id), ['T2', 'E1']);
  assert.deepEqual(threatsOf(finding([], ['AML.T0055'])), []);
  // Every letter has a threat, and ids are unique.
  assert.deepEqual([...new Set(THREATS.map((threat) => threat.stride))], ['S', 'T', 'R', 'I', 'D', 'E']);
  assert.equal(new Set(THREATS.map((threat) => threat.id)).size, THREATS.length);
});

test('threats: JSON and Markdown are deterministic, and names from scanned files cannot inject markup', async () => {
  const options = { toolVersion: '0.0.0-test', incomplete: false };
  const first = renderThreatsJson(await threatModelOf(BROKEN_EXAMPLE), options);
  assert.equal(renderThreatsJson(await threatModelOf(BROKEN_EXAMPLE), options), first);
  const root = hostileExample();
  try {
    const markdown = renderThreatsMarkdown(await threatModelOf(root), options);
    assert.doesNotMatch(markdown, /<script|<img/);
    assert.ok(markdown.includes('fraud-canary&lt;script&gt;alert("xss")&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\'&amp;amp;\\\\u202e'));
    // A name cannot break the summary table: every row has the endpoint plus one cell per threat.
    const rows = markdown.split('\n').filter((line) => line.startsWith('| Deployment'));
    assert.equal(rows.length, 4);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, THREATS.length + 3, row);
    assert.ok(JSON.parse(renderThreatsJson(await threatModelOf(root), options)).endpoints.some((found: ThreatsJsonEndpoint) => found.name.includes(HOSTILE_NAME)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A TorchServe whose NetworkPolicies admit only the ingress controller and carve 169.254.169.254 out of egress, on the cluster of `tf`. */
function isolatedServer(tf: string): string {
  const root = mkdtempSync(join(tmpdir(), 'inferguard-enforcement-'));
  mkdirSync(join(root, 'k8s'));
  mkdirSync(join(root, 'terraform'));
  writeFileSync(join(root, 'terraform', 'cluster.tf'), tf);
  writeFileSync(
    join(root, 'k8s', 'serving.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: scorer, namespace: models }
spec:
  selector: { matchLabels: { app: scorer } }
  template:
    metadata: { labels: { app: scorer } }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.12.0-cpu
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: scorer, namespace: models }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]
  egress:
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] } }]
`,
  );
  return root;
}

test('threats: NetworkPolicy controls on the scan\'s cluster — missing where it does not enforce them, present with its setting where it does, as written (and said) where unknown', async () => {
  const controls = async (tf: string): Promise<string[]> => {
    const root = isolatedServer(tf);
    try {
      const found = endpoint(await threatModelOf(root), 'Deployment models/scorer');
      const mitigations = found.threats.flatMap((threat) => threat.mitigations).filter((mitigation) => mitigation.id === 'network-isolation' || mitigation.id === 'metadata-blocked');
      return [...new Map(mitigations.map((mitigation) => [mitigation.id, `${mitigation.id} ${mitigation.state}${mitigation.evidence.map((item) => ` ${item.file.replace(/^.*inferguard-enforcement-[^/]+\//, '')}:${item.line}`).join('')}${mitigation.detail.includes('not decided by the scan') ? ' (undecided)' : ''}`])).values()].sort();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const gke = (body: string) => `resource "google_container_cluster" "serving" {\n  name     = "serving"\n  location = "europe-west4"\n${body}}\n`;
  assert.deepEqual(await controls(gke('')), ['metadata-blocked missing terraform/cluster.tf:1 k8s/serving.yaml:21', 'network-isolation missing terraform/cluster.tf:1']);
  assert.deepEqual(await controls(gke('  datapath_provider = "ADVANCED_DATAPATH"\n')), ['metadata-blocked present k8s/serving.yaml:21 terraform/cluster.tf:4', 'network-isolation present terraform/cluster.tf:4']);
  // An EKS cluster without the VPC CNI's network policy in the scan: the policies' answer, said to rest on enforcement.
  const eks = 'resource "aws_eks_cluster" "serving" {\n  name     = "serving"\n  role_arn = "arn:aws:iam::123456789012:role/eks"\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n}\n';
  assert.deepEqual(await controls(eks), ['metadata-blocked present k8s/serving.yaml:21 (undecided)', 'network-isolation present (undecided)']);
});
