import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import { servingGraph } from '../graph/serving-graph.js';
import { scanFiles } from '../pipeline/scan.js';
import { RULES } from '../rules/index.js';
import { graphView } from './graph-view.js';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: [--model, meta-llama/Llama-3.1-8B-Instruct]
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: vllm }
spec:
  type: LoadBalancer
  selector: { app: vllm }
  ports: [{ port: 80, targetPort: 8000 }]
`;

test('graph view: the object a finding is about is on its path when its manifest writes no namespace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferguard-graph-view-'));
  writeFileSync(join(dir, 'vllm.yaml'), MANIFESTS);
  const discovered = await discoverFiles({ paths: [dir], cwd: dir });
  const rules = RULES.filter((rule) => rule.meta.id === 'IG-GRAPH-013');
  const { result, models } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules, failOn: 'none', today: '2026-11-29' });
  const graph = servingGraph(models.kubernetes, models.terraform);
  const view = graphView(graph, result);
  assert.deepEqual(result.findings.map((finding) => finding.resource), [{ kind: 'Service', apiVersion: 'v1', name: 'vllm' }]);
  const service = [...graph.nodes.values()].find((node) => node.subject && !('address' in node.subject) && node.subject.kind === 'Service');
  assert.ok(service);
  assert.deepEqual([...view.hotNodes], [service.id]);
  assert.deepEqual(view.paths.map((path) => path.nodes), [[service.id]]);
});
