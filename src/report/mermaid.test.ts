import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import { servingGraph } from '../graph/serving-graph.js';
import { scanFiles } from '../pipeline/scan.js';
import { RULES } from '../rules/index.js';
import { renderMermaid } from './mermaid.js';

async function mermaidOf(path: string): Promise<string> {
  const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
  const rules = RULES.filter((rule) => rule.meta.id.startsWith('IG-GRAPH-'));
  const { result, models } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules, failOn: 'none', today: '2026-11-29' });
  return renderMermaid(servingGraph(models.kubernetes, models.terraform), result);
}

/** `from label -> to label` of each highlighted edge, read back from the Mermaid text. */
function highlighted(text: string): string[] {
  const labels = new Map([...text.matchAll(/^ {2}(n\d+)\S*?"([^"]*)"/gm)].map((match) => [match[1], match[2]]));
  const edges = [...text.matchAll(/^ {2}(n\d+) -->\|"[^"]*"\| (n\d+)$/gm)].map((match) => `${labels.get(match[1])} -> ${labels.get(match[2])}`);
  const indexes = /^ {2}linkStyle ([\d,]+) /m.exec(text)?.[1]?.split(',').map(Number) ?? [];
  return indexes.map((index) => edges[index] ?? '?');
}

test('mermaid: the broken canary example, its identity path highlighted edge by edge; deterministic', async () => {
  const text = await mermaidOf('examples/multi-model-canary/broken');
  assert.ok(text.startsWith('```mermaid\nflowchart LR\n'));
  assert.deepEqual(highlighted(text), [
    'Internet -> Service models/fraud-canary-debug',
    'Service models/fraud-canary-debug -> NVIDIA Triton Inference Server HTTP port 8000 · inference, model-control',
    'Deployment models/fraud-primary · Triton Inference Server -> ServiceAccount models/fraud',
    'ServiceAccount models/fraud -> IAM role aws_iam_role.fraud',
    'Deployment models/ranker-v1 · Triton Inference Server -> s3://acme-models/ranker',
    'IAM role aws_iam_role.fraud -> s3://acme-models/ranker',
  ]);
  assert.match(text, /^ {2}class [n\d,]+ attack$/m);
  assert.match(text, /6 attack paths highlighted/);
  assert.equal(await mermaidOf('examples/multi-model-canary/broken'), text);
});

test('mermaid: the fixed variant draws the graph with nothing highlighted', async () => {
  const text = await mermaidOf('examples/multi-model-canary/fixed');
  assert.doesNotMatch(text, /classDef attack|linkStyle/);
  assert.match(text, /No attack paths found\.\n$/);
  assert.match(text, /\(\("Internet"\)\)/);
});
