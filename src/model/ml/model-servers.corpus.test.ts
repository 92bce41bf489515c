import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { discoverFiles } from '../../discover/discover.js';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { scanFiles } from '../../pipeline/scan.js';
import { RULES } from '../../rules/index.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { modelServersIn } from './model-server.js';

// Model servers recognised in real repositories, one repository at a time (as their users scan
// them), and what the ML-serving rules say about them. The table is printed; the assertions are
// servers that a reader of these repositories finds in them.
const CORPUS = '../shared/corpus';

const EXPECTED: ReadonlyArray<readonly [string, string]> = [
  ['kserve__kserve', 'kserve'],
  ['kserve__kserve', 'triton'],
  ['kserve__kserve', 'torchserve'],
  ['kserve__kserve', 'tf-serving'],
  ['kserve__kserve', 'vllm'],
  ['kserve__kserve', 'mlserver'],
  ['ray-project__kuberay', 'ray'],
  ['awslabs__data-on-eks', 'ray'],
  ['substratusai__kubeai', 'ollama'],
  ['vllm-project__production-stack', 'vllm'],
  ['tensorflow__serving', 'tf-serving'],
  ['GoogleCloudPlatform__ai-on-gke', 'tf-serving'],
  ['GoogleCloudPlatform__ai-on-gke', 'torchserve'],
  ['pytorch__serve', 'torchserve'],
];

test('model servers and ML-serving findings per repository of the corpus', { skip: !existsSync(CORPUS) && `${CORPUS} is not here` }, async (t) => {
  const repositories = readdirSync(CORPUS).filter((name) => statSync(`${CORPUS}/${name}`).isDirectory()).sort();
  const found = new Set<string>();
  const serverTotals = new Map<string, number>();
  const findingTotals = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  for (const repository of repositories) {
    const discovered = await discoverFiles({ paths: [`${CORPUS}/${repository}`], cwd: process.cwd() });
    const documents = discovered.files.filter((file) => file.kind === 'kubernetes').flatMap((file) => loadYamlStream(new SourceFile(file.path, file.text)).filter((document) => !document.error));
    const servers = modelServersIn(adaptKubernetes(documents).model);
    const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-01-01' });
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'IG-ENGINE-001').map((finding) => finding.message), [], `no rule crashed on ${repository}`);
    const ml = result.findings.filter((finding) => /^IG-(ML|K8S-0)/.test(finding.ruleId));
    for (const server of servers) {
      found.add(`${repository}/${server.kind}`);
      add(serverTotals, server.kind);
    }
    for (const finding of ml) add(findingTotals, finding.ruleId);
    if (servers.length === 0 && ml.length === 0) continue;
    const kinds = new Map<string, number>();
    for (const server of servers) add(kinds, `${server.kind} (${server.evidence.join('+')})`);
    t.diagnostic(`${repository}: ${servers.length} servers: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}; ${ml.length} ML-serving findings`);
  }
  const format = (map: Map<string, number>): string => [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => `${key}=${count}`).join(', ');
  t.diagnostic(`servers by kind: ${format(serverTotals)}`);
  t.diagnostic(`ML-serving findings by rule: ${format(findingTotals)}`);
  for (const [repository, kind] of EXPECTED) assert.ok(found.has(`${repository}/${kind}`), `${kind} is recognised in ${repository}`);
});
